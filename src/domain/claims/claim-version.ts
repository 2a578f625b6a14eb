// Optimistic concurrency for claims: the version counter as an ETag, and what an If-Match header asks for.

/** The ETag of a claim at one version (a strong entity tag). */
export const claimEtag = (version: number): string => `"${version}"`;

export type IfMatch =
  | { kind: "absent" }
  | { kind: "any" }
  | { kind: "versions"; versions: number[] }
  | { kind: "invalid"; reason: string };

/**
 * Reads an If-Match header: absent, `*`, or a list of entity tags. Weak tags (W/"3") are
 * accepted like strong ones because a CDN that compresses a response weakens its ETag.
 */
export function parseIfMatch(header: string | null | undefined): IfMatch {
  if (header === null || header === undefined || header.trim() === "") return { kind: "absent" };
  const text = header.trim();
  if (text === "*") return { kind: "any" };
  if (text.length > 512) return { kind: "invalid", reason: "If-Match is longer than 512 characters" };
  const versions: number[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().match(/^(?:W\/)?"(\d{1,15})"$/);
    if (!tag)
      return { kind: "invalid", reason: `If-Match holds '${part.trim().slice(0, 40)}', not an ETag such as "3"` };
    versions.push(Number(tag[1]));
  }
  return { kind: "versions", versions };
}

/** The version an action must find, or undefined when the caller did not ask for one. */
export function requiredVersion(ifMatch: IfMatch, current: number): { ok: true; version?: number } | { ok: false } {
  if (ifMatch.kind === "absent" || ifMatch.kind === "any") return { ok: true };
  if (ifMatch.kind === "invalid") return { ok: false };
  return ifMatch.versions.includes(current) ? { ok: true, version: current } : { ok: false };
}
