import type { Context } from "hono";
import type { Database } from "../db/client";
import { claimEtag, type IfMatch, parseIfMatch } from "../domain/claims/claim-version";
import type { HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";
import { readClaimDetail } from "./claim-detail";

/**
 * The If-Match a claim action was sent with. Actions check it when it is present and work
 * without it (clients that predate ETags, the mobile app's override); the console always sends it.
 */
export function claimIfMatch(c: Context<HonoEnv>): IfMatch {
  const ifMatch = parseIfMatch(c.req.header("if-match"));
  if (ifMatch.kind === "invalid") {
    throw new ApiError("VALIDATION_ERROR", `Invalid If-Match header: ${ifMatch.reason}`, {
      details: { issues: [{ path: "header.if-match", message: ifMatch.reason, code: "invalid_format" }] },
    });
  }
  return ifMatch;
}

/** The versions If-Match allows, as an SQL guard on `version` (none when the caller sent no ETag). */
export function versionGuard(ifMatch: IfMatch): { guard: string | undefined; bindings: number[] } {
  if (ifMatch.kind !== "versions") return { guard: undefined, bindings: [] };
  return { guard: `version IN (${ifMatch.versions.map(() => "?").join(", ")})`, bindings: ifMatch.versions };
}

export const matchesIfMatch = (ifMatch: IfMatch, version: number): boolean =>
  ifMatch.kind !== "versions" || ifMatch.versions.includes(version);

/** 412 with the claim as it is now (the caller's view of it) and its ETag, so the client can show what changed. */
export async function preconditionFailed(db: Database, c: Context<HonoEnv>, id: string): Promise<never> {
  const current = await readClaimDetail(db, c.get("user"), id);
  if (!current) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
  throw new ApiError(
    "PRECONDITION_FAILED",
    `Claim ${id} has changed since you read it (it is now at version ${current.version}); review it and try again`,
    {
      details: { current_version: current.version, current: current.view },
      headers: { etag: claimEtag(current.version) },
    },
  );
}
