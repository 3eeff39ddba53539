import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from "jose";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** A real HTTP server publishing the public halves of fresh ES256 keys as a JWKS, as an IdP does. */
export async function startJwksServer(kids: readonly string[]) {
  const keys: SigningKey[] = [];
  const published: JWK[] = [];
  for (const kid of kids) {
    const pair = await generateKeyPair("ES256", { extractable: true });
    keys.push({ kid, privateKey: pair.privateKey });
    published.push({ ...(await exportJWK(pair.publicKey)), kid, alg: "ES256", use: "sig" });
  }
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.setHeader("content-type", "application/jwk-set+json");
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    keys,
    jwks: { keys: published },
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
