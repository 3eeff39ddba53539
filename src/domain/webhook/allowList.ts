/**
 * Webhooks go only to URLs on the operator's allow-list. An entry is a URL prefix: the origin
 * (scheme, host, port) must equal the entry's, and the path must be the entry's path or lie
 * under it, so `https://hooks.example.org/casus` admits `/casus/in` but neither
 * `/casusx` nor `https://hooks.example.org.evil.test/casus`.
 */
export function urlAllowed(url: string, allowList: readonly string[]): boolean {
  const target = parsed(url);
  if (target === undefined) return false;
  return allowList.some((entry) => {
    const allowed = parsed(entry);
    if (allowed === undefined || allowed.origin !== target.origin) return false;
    const prefix = allowed.pathname.endsWith("/") ? allowed.pathname : `${allowed.pathname}/`;
    return target.pathname === allowed.pathname || target.pathname.startsWith(prefix);
  });
}

/** Only plain http(s) URLs without credentials or fragments can be allowed at all. */
function parsed(value: string): URL | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "" || url.hash !== "") return undefined;
  return url;
}
