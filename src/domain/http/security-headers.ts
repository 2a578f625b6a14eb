/** Headers every response carries: no MIME sniffing, no framing, no referrer, HTTPS only. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The CSP of an HTML page that states none of its own: nothing loads, nothing frames it. */
export const DEFAULT_HTML_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Whether a response must not be stored by any cache: it answers a caller who presented credentials. */
export const mustNotBeStored = (request: { authenticated: boolean; path: string }): boolean =>
  request.authenticated || /^\/api\/v1\/auth(\/|$)/.test(request.path);

/** The origin a CORS response may name: one from the allow-list, never `*`. */
export const allowedOrigin = (origin: string | undefined, allowList: readonly string[]): string | null =>
  origin !== undefined && allowList.includes(origin) ? origin : null;
