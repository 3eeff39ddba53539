/** Roles as the service names them; the token is verified there, this only drives the screens. */
export const ROLES = ["professional", "chair", "privacy-officer", "admin", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  accessToken: string;
  userId: string;
  organisationId: string;
  roles: Role[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

function base64UrlJson(part: string): Record<string, unknown> {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Reads sub, org, roles and exp from an access token; undefined if it carries none of them. */
export function sessionOf(accessToken: string): Session | undefined {
  const payload = accessToken.split(".")[1];
  if (!payload) return undefined;
  let claims: Record<string, unknown>;
  try {
    claims = base64UrlJson(payload);
  } catch {
    return undefined;
  }
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is Role => ROLES.includes(role as Role))
    : [];
  if (typeof claims.org !== "string" || typeof claims.sub !== "string" || roles.length === 0) {
    return undefined;
  }
  return {
    accessToken,
    userId: claims.sub,
    organisationId: claims.org,
    roles,
    expiresAt: typeof claims.exp === "number" ? claims.exp : 0,
  };
}
