import type { SharingRule } from "../domain/index.js";

/** Modelled on the regional covenants "Veiligheid in en om de school" (shared/seeds). */
export const DEMO_COVENANT_NAME = "Convenant Veiligheid in en om de school, regio Rivierenland";

export const demoPurposes = [
  {
    purposeId: "veiligheid-in-en-om-school",
    description:
      "Vroegtijdig signaleren van en gezamenlijk handelen bij zorgen over de veiligheid van jongeren in en om de school",
    yearsAfterClosure: 2,
  },
  {
    purposeId: "voorkomen-jeugdcriminaliteit",
    description:
      "Voorkomen dat jongeren betrokken raken bij criminaliteit, waaronder drugshandel en criminele uitbuiting",
    yearsAfterClosure: 5,
  },
  {
    purposeId: "schoolverzuim",
    description: "Terugdringen van schoolverzuim en voortijdig schoolverlaten",
    yearsAfterClosure: 2,
  },
  {
    purposeId: "passende-ondersteuning",
    description: "Toewijzen van passende onderwijsondersteuning aan een leerling",
    yearsAfterClosure: 3,
  },
] as const;

const ORDINARY = ["identiteit", "school", "verzuim", "gezin", "hulpverlening", "signaal"];
const POLICE_DATA = ["identiteit", "politiegegevens", "strafrechtelijk"];
const PARTNERS_OF_POLICE = [
  "samenwerkingsverband",
  "school-vo",
  "school-po",
  "leerplicht",
  "jongerenwerk",
  "wijkteam",
  "ggd",
  "halt",
  "veilig-thuis",
];
const ALL_BUT = (kind: string) => [...PARTNERS_OF_POLICE, "politie"].filter((k) => k !== kind);

/** sharer kind -> categories -> recipient kinds -> bases, each matching the catalogue's bases. */
export const demoSharingRules: readonly SharingRule[] = [
  {
    ruleId: "politie-wpg-20",
    sharerKind: "politie",
    dataCategories: POLICE_DATA,
    recipientKinds: PARTNERS_OF_POLICE,
    legalBasisIds: ["wpg-20", "wpg-19"],
  },
  {
    ruleId: "politie-halt",
    sharerKind: "politie",
    dataCategories: POLICE_DATA,
    recipientKinds: ["halt"],
    legalBasisIds: ["wpg-18-halt"],
  },
  ...["school-vo", "school-po"].flatMap((school): SharingRule[] => [
    {
      ruleId: `${school}-verzuimmelding`,
      sharerKind: school,
      dataCategories: ["identiteit", "school", "verzuim"],
      recipientKinds: ["leerplicht"],
      legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
    },
    {
      ruleId: `${school}-publieke-taak`,
      sharerKind: school,
      dataCategories: ORDINARY,
      recipientKinds: ALL_BUT(school),
      legalBasisIds: ["avg-6-1-e-publieke-taak", "avg-6-1-a-toestemming"],
    },
  ]),
  {
    ruleId: "leerplicht-publieke-taak",
    sharerKind: "leerplicht",
    dataCategories: ORDINARY,
    recipientKinds: ALL_BUT("leerplicht"),
    legalBasisIds: ["avg-6-1-e-publieke-taak"],
  },
  {
    ruleId: "jongerenwerk-gerechtvaardigd-belang",
    sharerKind: "jongerenwerk",
    dataCategories: ["identiteit", "school", "signaal"],
    recipientKinds: ALL_BUT("jongerenwerk"),
    legalBasisIds: ["avg-6-1-f-gerechtvaardigd-belang", "avg-6-1-a-toestemming"],
  },
  {
    ruleId: "wijkteam-jeugdwet",
    sharerKind: "wijkteam",
    dataCategories: [...ORDINARY, "gezondheid"],
    recipientKinds: ALL_BUT("wijkteam"),
    legalBasisIds: ["jeugdwet-7-3-11-toestemming", "avg-6-1-e-publieke-taak"],
  },
  {
    ruleId: "ggd-toestemming",
    sharerKind: "ggd",
    dataCategories: [...ORDINARY, "gezondheid"],
    recipientKinds: ["school-vo", "school-po", "wijkteam", "samenwerkingsverband"],
    legalBasisIds: ["avg-9-2-a-uitdrukkelijke-toestemming", "avg-6-1-e-publieke-taak"],
  },
  {
    ruleId: "samenwerkingsverband-ondersteuning",
    sharerKind: "samenwerkingsverband",
    dataCategories: ["identiteit", "school", "gezondheid"],
    recipientKinds: ["school-vo", "school-po"],
    legalBasisIds: ["wvo-17a-wpo-18a-ondersteuning"],
  },
  ...["school-vo", "school-po", "wijkteam", "jongerenwerk", "ggd", "leerplicht"].map(
    (sharerKind): SharingRule => ({
      ruleId: `${sharerKind}-meldrecht`,
      sharerKind,
      dataCategories: [...ORDINARY, "gezondheid"],
      recipientKinds: ["veilig-thuis"],
      legalBasisIds: ["wmo-5-2-6-meldrecht"],
    }),
  ),
];
