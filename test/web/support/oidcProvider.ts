import type { Server } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export interface OidcAccount {
  org: string;
  roles: string[];
}

export interface OidcProviderOptions {
  port: number;
  clientId: string;
  redirectUri: string;
  /** The API's audience, as a resource indicator (RFC 8707). */
  audience: string;
  /** By login name: the organisation and roles the access token carries. */
  accounts: Record<string, OidcAccount>;
}

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, as Keycloak or an eHerkenning broker
 * would be: authorization code with PKCE for a public client, JWT access tokens for the API's
 * audience carrying `org` and `roles`. Its development login page accepts any password.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: "test-rs256",
    alg: "RS256",
    use: "sig",
  };
  const account = (id: string) => options.accounts[id];
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: "none",
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ["casustafel-test-cookie-key"] },
    scopes: ["openid", "casustafel"],
    findAccount: (_ctx, id) =>
      account(id) ? { accountId: id, claims: () => ({ sub: id }) } : undefined,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: "casustafel",
          audience: options.audience,
          accessTokenTTL: 600,
          accessTokenFormat: "jwt",
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
    extraTokenClaims: (_ctx, token) => {
      if (token.kind !== "AccessToken" || !("accountId" in token)) return undefined;
      const found = account(token.accountId);
      return found ? { org: found.org, roles: found.roles } : undefined;
    },
    // The console is a first-party client: no consent screen, as a covenant's own IdP is set up.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider: self } = ctx.oidc;
      const known = session && client ? session.grantIdFor(client.clientId) : undefined;
      if (known) return self.Grant.find(known);
      const grant = new self.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope("openid casustafel");
      grant.addResourceScope(options.audience, "casustafel");
      await grant.save();
      return grant;
    },
  });
  const server: Server = provider.listen(options.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
