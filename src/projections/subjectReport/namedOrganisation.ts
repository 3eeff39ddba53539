/** An organisation named as the covenant knows it, so the subject learns who, not only which kind (C-154/21). */
export type NamedOrganisation = { organisationId: string; name: string | null };
