import { z } from "zod";
import { ROLES, type Role } from "../../../domain/index.js";

export type { Role };
/** The token's roles are the domain's roles; one list, so the two cannot drift apart. */
export const roleSchema = z.enum(ROLES);

/** The claims this API relies on; anything else in the token is ignored. */
export const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  org: z.string().min(1).max(200),
  roles: z.array(roleSchema).min(1).max(ROLES.length),
});
