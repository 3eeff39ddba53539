/** What the service tells the console before sign-in (GET /console/config.json). */
export interface ConsoleSettings {
  oidc: { issuer: string; clientId: string; scope: string } | null;
  devSignIn: boolean;
  covenantId: string | null;
}

const isText = (value: unknown): value is string => typeof value === "string" && value !== "";

function parseSettings(value: unknown): ConsoleSettings {
  const body = value as Partial<Record<keyof ConsoleSettings, unknown>>;
  const oidc = body.oidc as Record<string, unknown> | null | undefined;
  const validOidc = oidc && isText(oidc.issuer) && isText(oidc.clientId) && isText(oidc.scope);
  return {
    oidc: validOidc
      ? {
          issuer: oidc.issuer as string,
          clientId: oidc.clientId as string,
          scope: oidc.scope as string,
        }
      : null,
    devSignIn: body.devSignIn === true,
    covenantId: isText(body.covenantId) ? body.covenantId : null,
  };
}

export async function loadSettings(): Promise<ConsoleSettings> {
  const response = await fetch("/console/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`console settings: ${response.status}`);
  return parseSettings(await response.json());
}
