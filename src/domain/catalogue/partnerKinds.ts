import type { Bilingual } from "./text.js";

/** A kind of organisation that takes part in case meetings (glossary, "Partner kinds"). */
export type PartnerKind = {
  id: string;
  label: Bilingual;
  /** Public authorities cannot rely on legitimate interests (AVG art. 6(1) last sentence). */
  publicAuthority: boolean;
};

export const partnerKinds: readonly PartnerKind[] = [
  { id: "school-po", label: { nl: "Basisschool", en: "Primary school" }, publicAuthority: true },
  {
    id: "school-vo",
    label: { nl: "Middelbare school", en: "Secondary school" },
    publicAuthority: true,
  },
  { id: "mbo", label: { nl: "Mbo-instelling", en: "Vocational college" }, publicAuthority: true },
  {
    id: "samenwerkingsverband",
    label: { nl: "Samenwerkingsverband passend onderwijs", en: "Education support association" },
    publicAuthority: true,
  },
  { id: "gemeente", label: { nl: "Gemeente", en: "Municipality" }, publicAuthority: true },
  { id: "politie", label: { nl: "Politie", en: "Police" }, publicAuthority: true },
  { id: "jongerenwerk", label: { nl: "Jongerenwerk", en: "Youth work" }, publicAuthority: false },
  { id: "wijkteam", label: { nl: "Wijkteam", en: "Municipal social team" }, publicAuthority: true },
  {
    id: "leerplicht",
    label: { nl: "Leerplicht", en: "Compulsory-education officer" },
    publicAuthority: true,
  },
  { id: "ggd", label: { nl: "GGD", en: "Municipal public health service" }, publicAuthority: true },
  { id: "halt", label: { nl: "Halt", en: "Halt youth diversion" }, publicAuthority: true },
  {
    id: "veilig-thuis",
    label: { nl: "Veilig Thuis", en: "Domestic violence and child abuse centre" },
    publicAuthority: true,
  },
  { id: "jeugdhulp", label: { nl: "Jeugdhulp", en: "Youth care" }, publicAuthority: false },
  {
    id: "ggz",
    label: { nl: "Geestelijke gezondheidszorg", en: "Mental health care" },
    publicAuthority: false,
  },
  {
    id: "zorg-en-veiligheidshuis",
    label: { nl: "Zorg- en Veiligheidshuis", en: "Care and Safety House" },
    publicAuthority: true,
  },
  {
    id: "raad-voor-de-kinderbescherming",
    label: { nl: "Raad voor de Kinderbescherming", en: "Child Protection Board" },
    publicAuthority: true,
  },
];

/** The kinds that are a young person's school: trends count young people per school member (rule 7). */
export const SCHOOL_KINDS: readonly string[] = ["school-po", "school-vo", "mbo"];
