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
/**
 * The kinds that may send a young person's BSN to match on (issue 11): schools (their pupils'
 * persoonsgebonden nummer is the BSN), leerplicht, police, wijkteam, youth care and Veilig
 * Thuis, which each process it under their own law. Every other kind identifies by name and
 * date of birth only.
 */
export const BSN_KINDS = [
  ...SCHOOLS,
  "leerplicht",
  "politie",
  "wijkteam",
  "jeugdhulp",
  "veilig-thuis",
];
export const ORDINARY = ["identiteit", "school", "verzuim", "gezin", "hulpverlening", "signaal"];
export const POLICE_DATA = ["identiteit", "politiegegevens", "strafrechtelijk"];
export const AVG_IN_FORCE = "2018-05-25";
