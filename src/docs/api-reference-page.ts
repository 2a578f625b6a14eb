/**
 * The /docs page: Scalar's API reference, its script pinned to one exact version with Subresource
 * Integrity (sha384 of the npm tarball's dist/browser/standalone.js, which jsDelivr serves unchanged),
 * configured by a script of our own so the CSP needs no inline script.
 */
export const API_REFERENCE_SCRIPT = {
  url: "https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.0/dist/browser/standalone.js",
  integrity: "sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ",
} as const;

export const DOCS_INIT_PATH = "/docs/init.js";

const CDN_ORIGIN = new URL(API_REFERENCE_SCRIPT.url).origin;

/** Scripts only from us and the pinned file's origin; the reference fetches the spec and tries calls on this origin. */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src 'self' ${CDN_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function docsPageHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${API_REFERENCE_SCRIPT.url}" integrity="${API_REFERENCE_SCRIPT.integrity}" crossorigin="anonymous"></script>
    <script src="${DOCS_INIT_PATH}"></script>
  </body>
</html>
`;
}

/** Mounts the reference on #app for the given OpenAPI document, without the default web fonts (another origin). */
export const docsInitScript = (specUrl: string): string =>
  `Scalar.createApiReference("#app", ${JSON.stringify({ url: specUrl, withDefaultFonts: false })});\n`;
