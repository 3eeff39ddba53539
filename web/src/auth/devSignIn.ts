export interface DevDirectory {
  organisations: { organisationId: string; name: string }[];
  roles: string[];
}

/** The demo organisations and roles the development sign-in offers. */
export async function loadDevDirectory(): Promise<DevDirectory> {
  const response = await fetch("/console/dev-sign-in", { cache: "no-store" });
  if (!response.ok) throw new Error(`dev sign-in: ${response.status}`);
  return (await response.json()) as DevDirectory;
}

/** Mints a development token for one demo organisation and role; development only. */
export async function devSignIn(organisationId: string, role: string): Promise<string> {
  const response = await fetch("/console/dev-sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ organisationId, role }),
  });
  if (!response.ok) throw new Error(`dev sign-in: ${response.status}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}
