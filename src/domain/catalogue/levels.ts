import type { Bilingual } from "./text.js";

/** The three levels of action of the Handelingskader (NJi, "Sociale veiligheid is van iedereen"). */
export type Level = { id: string; label: Bilingual; description: Bilingual };

export const levels: readonly Level[] = [
  {
    id: "sterke-basis",
    label: { nl: "Sterke basis", en: "Strong base" },
    description: {
      nl: "Een sterke pedagogische en veilige basis voor alle kinderen.",
      en: "A strong pedagogical and safe base for all children.",
    },
  },
  {
    id: "preventie",
    label: { nl: "Preventie", en: "Prevention" },
    description: {
      nl: "Algemene of selectieve preventie bij beginnende problematiek.",
      en: "General or selective prevention when problems begin.",
    },
  },
  {
    id: "incident",
    label: { nl: "Incident", en: "Incident" },
    description: {
      nl: "Optreden bij een incident, met aandacht voor herstel.",
      en: "Acting on an incident, with attention to restoration.",
    },
  },
];
