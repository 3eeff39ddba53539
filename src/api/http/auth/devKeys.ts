import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export const DEV_ALGORITHM = "ES256";

export interface DevKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
}

export function devKeyPaths(dataDir: string) {
  const dir = join(dataDir, "dev-jwt");
  return {
    dir,
    privateJwk: join(dir, "private.jwk.json"),
    publicJwk: join(dir, "public.jwk.json"),
  };
}

async function readJwk(path: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Publishes a complete file only if none exists yet: the service and the token CLI may race. */
async function createExclusively(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content, { mode });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
}

function publicPart(privateJwk: JWK): JWK {
  const { d: _secret, ...rest } = privateJwk;
  return { ...rest, use: "sig" };
}

/**
 * The development signing key pair under `<dataDir>/dev-jwt/`, created on first use so the
 * service and `npm run token` agree on it. The private JWK is the source of truth.
 */
export async function loadOrCreateDevKeyPair(dataDir: string): Promise<DevKeyPair> {
  const files = devKeyPaths(dataDir);
  let privateJwk = await readJwk(files.privateJwk);
  if (!privateJwk) {
    const generated = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    const jwk = { ...(await exportJWK(generated.privateKey)), kid, alg: DEV_ALGORITHM };
    await mkdir(files.dir, { recursive: true, mode: 0o700 });
    await createExclusively(files.privateJwk, JSON.stringify(jwk, null, 2), 0o600);
    privateJwk = (await readJwk(files.privateJwk))!;
  }
  const publicJwk = publicPart(privateJwk);
  if (!(await readJwk(files.publicJwk))) {
    await createExclusively(files.publicJwk, JSON.stringify(publicJwk, null, 2), 0o644);
  }
  return {
    privateKey: (await importJWK(privateJwk, DEV_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, DEV_ALGORITHM)) as CryptoKey,
    kid: privateJwk.kid ?? "dev",
  };
}
