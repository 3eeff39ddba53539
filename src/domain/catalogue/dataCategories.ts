import type { Bilingual } from "./text.js";

/** What kind of information a share carries; special categories need a matching basis. */
export type DataCategory = {
  id: string;
  label: Bilingual;
  /** art9: special category (health); art10: criminal-offence and police data. */
  special: "art9" | "art10" | null;
};

export const dataCategories: readonly DataCategory[] = [
  { id: "identiteit", label: { nl: "Identiteit", en: "Identity" }, special: null },
  {
    id: "school",
    label: {
      nl: "School (inschrijving, resultaten, gedrag)",
      en: "School (enrolment, results, behaviour)",
    },
    special: null,
  },
  { id: "verzuim", label: { nl: "Verzuim", en: "Attendance" }, special: null },
  { id: "gezin", label: { nl: "Gezinssituatie", en: "Family situation" }, special: null },
  { id: "hulpverlening", label: { nl: "Hulpverlening", en: "Care involvement" }, special: null },
  { id: "gezondheid", label: { nl: "Gezondheid", en: "Health" }, special: "art9" },
  {
    id: "strafrechtelijk",
    label: { nl: "Strafrechtelijke gegevens", en: "Criminal-offence data" },
    special: "art10",
  },
  { id: "politiegegevens", label: { nl: "Politiegegevens", en: "Police data" }, special: "art10" },
  {
    id: "signaal",
    label: { nl: "Signalen en observaties", en: "Concerns and observations" },
    special: null,
  },
];
