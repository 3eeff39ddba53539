/** Roles a signed-in user can hold (the `roles` claim of the token). */
export const ROLES = ["professional", "chair", "privacy-officer", "admin", "analyst"] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated user behind a command; the organisation comes from the token, never the body. */
export type Actor = {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
