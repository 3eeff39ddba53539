// Groups of partner kinds and data categories that the legal bases refer to.

export const ALL_KINDS = [
  "school-po",
  "school-vo",
  "mbo",
  "samenwerkingsverband",
  "gemeente",
  "politie",
  "jongerenwerk",
  "wijkteam",
  "leerplicht",
  "ggd",
  "halt",
  "veilig-thuis",
  "jeugdhulp",
  "ggz",
  "zorg-en-veiligheidshuis",
  "raad-voor-de-kinderbescherming",
] as const;
export const allKindsBut = (...excluded: string[]) =>
  ALL_KINDS.filter((kind) => !excluded.includes(kind));
export const SCHOOLS = ["school-po", "school-vo", "mbo"];
export const PUBLIC_TASK_KINDS = [
  ...SCHOOLS,
  "samenwerkingsverband",
  "gemeente",
  "wijkteam",
  "leerplicht",
  "ggd",
  "halt",
  "veilig-thuis",
  "zorg-en-veiligheidshuis",
  "raad-voor-de-kinderbescherming",
];
export const CARE_KINDS = ["jeugdhulp", "ggz", "wijkteam"];
export const ORDINARY = ["identiteit", "school", "verzuim", "gezin", "hulpverlening", "signaal"];
export const POLICE_DATA = ["identiteit", "politiegegevens", "strafrechtelijk"];
export const AVG_IN_FORCE = "2018-05-25";
