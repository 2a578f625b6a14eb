/**
 * `attachment` with the file's name made safe for a header: an ASCII fallback (quotes, control
 * characters, path separators replaced) and the exact name in RFC 5987 `filename*` for browsers.
 */
export function attachmentDisposition(filename: string | null | undefined, fallback = "download"): string {
  const name = (filename ?? "").trim() || fallback;
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\/;]/g, "_")
      .trim() || fallback;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
