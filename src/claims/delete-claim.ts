import type { CurrentUser } from "../auth/current-user";
import type { claims } from "../db/schema";

type ClaimRow = typeof claims.$inferSelect;

/** What deleting a claim's files needs to know about it. */
export type ClaimFiles = Pick<ClaimRow, "id" | "channel" | "customerId" | "clientClaimId" | "documentKey" | "photoKey">;

/** Where a created claim lives: the Location its creating response gave, and its idempotency record keeps. */
export const claimPath = (claimId: string) => `/api/v1/claims/${claimId}`;

/**
 * The R2 folders that hold a claim's files: its PDF, and every photo it was ever (re)submitted with.
 * A photo claim's client claim id folder is swept without its sub-folders: each of those holds the
 * first photo of one claim created under that client claim id (photoObjectKey), perhaps a
 * newer claim than this one, so only this claim's own sub-folder is.
 */
export function claimObjectFolders(claim: ClaimFiles): { prefix: string; withSubfolders: boolean }[] {
  const folders = [{ prefix: `claims/${claim.id}/`, withSubfolders: true }];
  if (claim.channel === "photo" && claim.customerId && claim.clientClaimId) {
    const photos = `photos/${claim.customerId}/${claim.clientClaimId}/`;
    folders.push({ prefix: photos, withSubfolders: false }, { prefix: `${photos}${claim.id}/`, withSubfolders: true });
  }
  return folders;
}

/**
 * Deletes a claim and everything in D1 that belongs to it — its prediction, its photo fingerprints,
 * the idempotency records that would replay its creation — in one batch with the audit entry; the
 * audit trail itself stays. Returns the deleted row (null when there was none).
 */
export async function deleteClaimRecords(
  db: D1Database,
  claimId: string,
  actor: Pick<CurrentUser, "id" | "role">,
  requestId: string,
): Promise<ClaimFiles | null> {
  const row = await db.prepare("SELECT * FROM claims WHERE id = ?").bind(claimId).first<Record<string, unknown>>();
  if (!row) return null;
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, request_id, created_at)
         VALUES ('claim', ?, 'claim.deleted', ?, ?, ?, ?, ?)`,
      )
      .bind(claimId, actor.id, actor.role, JSON.stringify(row), requestId, new Date().toISOString()),
    db.prepare("DELETE FROM predictions WHERE claim_id = ?").bind(claimId),
    db.prepare("DELETE FROM photo_fingerprints WHERE claim_id = ?").bind(claimId),
    db.prepare("DELETE FROM idempotency_keys WHERE resource_path = ?").bind(claimPath(claimId)),
    db.prepare("DELETE FROM claims WHERE id = ?").bind(claimId),
  ]);
  if ((results.at(-1)?.meta.changes ?? 0) === 0) return null;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    id: claimId,
    channel: row.channel as ClaimRow["channel"],
    customerId: text(row.customer_id),
    clientClaimId: text(row.client_claim_id),
    documentKey: text(row.document_key),
    photoKey: text(row.photo_key),
  };
}

/** Deletes every object under the claim's folders (and any key it names elsewhere); deleting twice is harmless. */
export async function deleteClaimObjects(bucket: R2Bucket, claim: ClaimFiles): Promise<number> {
  const keys = new Set<string>([claim.documentKey, claim.photoKey].filter((key): key is string => Boolean(key)));
  for (const { prefix, withSubfolders } of claimObjectFolders(claim)) {
    let cursor: string | undefined;
    do {
      const page = await bucket.list({
        prefix,
        ...(withSubfolders ? {} : { delimiter: "/" }),
        ...(cursor ? { cursor } : {}),
      });
      for (const object of page.objects) keys.add(object.key);
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  const all = [...keys];
  // R2 deletes at most 1,000 keys per call.
  for (let i = 0; i < all.length; i += 1000) await bucket.delete(all.slice(i, i + 1000));
  return all.length;
}
