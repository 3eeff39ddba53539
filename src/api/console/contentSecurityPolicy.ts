/**
 * The console's Content-Security-Policy: scripts, styles, fonts and images from the service
 * only, no inline script or style, no eval, no frames. The one other origin is the OIDC
 * issuer, which the console reaches with fetch (discovery, token, JWKS).
 */
export function consoleContentSecurityPolicy(issuer: string | undefined): string {
  const connect = ["'self'", ...(issuer ? [new URL(issuer).origin] : [])].join(" ");
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // Data URIs only for the few icons the NL Design System CSS embeds (checkbox, select).
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join("; ");
}
