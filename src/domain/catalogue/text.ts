/** Catalogue text in both languages the API serves. */
export type Bilingual = { nl: string; en: string };
