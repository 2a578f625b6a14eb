import type { CurrentUser } from "../../auth/current-user";
import {
  type OverrideOutcome,
  type PhotoClaimState,
  stateAfterOverride,
  stateAfterSubmission,
} from "../../domain/photo/claim-state";
import type { PhotoClaimStatus } from "../../domain/photo/decision";
import { perceptualHashBands } from "../../domain/photo/phash";

export interface PhotoSubmission {
  customerId: string;
  clientClaimId: string;
  photoKey: string;
  decision: PhotoClaimStatus;
  /** What the photo claim's responses show: model output, quality, reason, message, next steps, timings. */
  result: Record<string, unknown>;
  perceptualHash: string;
  duplicateOf: { claimId: string; distance: number } | null;
  actor: Pick<CurrentUser, "id" | "role">;
  requestId: string;
  now: string;
}

interface StoredPhotoClaim {
  id: string;
  photo_key: string | null;
  status: PhotoClaimStatus;
  system_status: PhotoClaimStatus;
  user_override: number;
  override_reason: string | null;
  override_at: string | null;
  photo_result: string | null;
}

const stateOf = (row: StoredPhotoClaim): PhotoClaimState => ({
  systemStatus: row.system_status,
  effectiveStatus: row.status,
  userOverride: row.user_override === 1,
  overrideReason: row.override_reason,
  overrideAt: row.override_at,
});

const auditState = (state: PhotoClaimState) => ({
  system_status: state.systemStatus,
  effective_status: state.effectiveStatus,
  user_override: state.userOverride,
  override_reason: state.overrideReason,
});

const audit = (
  db: D1Database,
  claimId: string,
  action: string,
  actor: Pick<CurrentUser, "id" | "role"> | null,
  before: unknown,
  after: unknown,
  requestId: string,
  now: string,
) =>
  db
    .prepare(
      "INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at) VALUES ('claim', ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(
      claimId,
      action,
      actor?.id ?? null,
      actor?.role ?? null,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after),
      requestId,
      now,
    );

const findByClientId = (db: D1Database, customerId: string, clientClaimId: string) =>
  db
    .prepare(
      "SELECT id, photo_key, status, system_status, user_override, override_reason, override_at, photo_result FROM claims WHERE channel = 'photo' AND customer_id = ? AND client_claim_id = ?",
    )
    .bind(customerId, clientClaimId)
    .first<StoredPhotoClaim>();

export type SubmissionOutcome =
  | { recorded: true; id: string; state: PhotoClaimState; resubmitted: boolean; overrideCleared: boolean }
  // The claim was deleted while its photo was on the way, and the photo with it.
  | { recorded: false; reason: "photo_gone" };

/** The claim write, its fingerprint and its audit entry: one D1 batch (a transaction). */
function submissionBatch(db: D1Database, s: PhotoSubmission, existing: StoredPhotoClaim | null, id: string) {
  const previous = existing ? stateOf(existing) : null;
  const state = stateAfterSubmission(s.decision);
  const fraudReason = s.duplicateOf
    ? `Photo is a near-duplicate (perceptual hash distance ${s.duplicateOf.distance}) of the photo on another customer's claim ${s.duplicateOf.claimId}`
    : null;
  const write = existing
    ? db
        .prepare(
          `UPDATE claims SET status = ?, system_status = ?, photo_key = ?, photo_result = ?, user_override = 0, override_reason = NULL,
             override_at = NULL, fraud_flag = ?, fraud_reason = ?, updated_at = ?, processed_at = ? WHERE id = ?`,
        )
        .bind(
          state.effectiveStatus,
          state.systemStatus,
          s.photoKey,
          JSON.stringify(s.result),
          fraudReason ? 1 : 0,
          fraudReason,
          s.now,
          s.now,
          id,
        )
    : db
        .prepare(
          `INSERT INTO claims (id, channel, status, system_status, owner_user_id, customer_id, client_claim_id, photo_key, photo_result,
             fraud_flag, fraud_reason, created_at, updated_at, processed_at)
           VALUES (?, 'photo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          id,
          state.effectiveStatus,
          state.systemStatus,
          s.actor.id,
          s.customerId,
          s.clientClaimId,
          s.photoKey,
          JSON.stringify(s.result),
          fraudReason ? 1 : 0,
          fraudReason,
          s.now,
          s.now,
          s.now,
        );
  const bands = perceptualHashBands(s.perceptualHash);
  const overrideCleared = previous?.userOverride === true;
  const statements = [
    write,
    db.prepare("DELETE FROM photo_fingerprints WHERE claim_id = ?").bind(id),
    db
      .prepare(
        `INSERT INTO photo_fingerprints (claim_id, customer_id, perceptual_hash, band, band_value) VALUES ${bands.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      )
      .bind(...bands.flatMap((value, band) => [id, s.customerId, s.perceptualHash, band, value])),
    audit(
      db,
      id,
      !existing
        ? "claim.photo_submitted"
        : overrideCleared
          ? "claim.override_cleared_by_resubmission"
          : "claim.photo_resubmitted",
      s.actor,
      existing ? auditState(stateOf(existing)) : null,
      {
        ...auditState(state),
        photo_key: s.photoKey,
        confidence: s.result.confidence,
        damage_detected: s.result.damage_detected,
        fraud_reason: fraudReason,
        ...(overrideCleared ? { override_cleared: true } : {}),
      },
      s.requestId,
      s.now,
    ),
  ];
  return { statements, state, overrideCleared };
}

/** D1's refusal of a second photo claim with the same client claim id (claims_photo_client_id_idx). */
export const isDuplicateClaimId = (err: unknown) =>
  String(err).includes("UNIQUE constraint failed") && String(err).includes("client_claim_id");

/** Whether this customer already has a photo claim under this client claim id. */
export const photoClaimExists = async (db: D1Database, customerId: string, clientClaimId: string) =>
  (await findByClientId(db, customerId, clientClaimId)) !== null;

/**
 * Records a (re)submitted photo's result for one customer's claim: a new claim, or the same
 * claim's result replaced (idempotent resubmission). Its fingerprint is replaced too, the photo
 * it replaces is deleted, and the step is audited; a resubmission that clears an override is
 * audited under its own action. Runs inside the claim's Durable Object, one call at a time.
 */
export async function recordPhotoSubmission(
  db: D1Database,
  photos: R2Bucket,
  s: PhotoSubmission,
): Promise<SubmissionOutcome> {
  // A deletion of this claim (serialised with this call) may have removed the photo since it was stored.
  if (!(await photos.head(s.photoKey))) return { recorded: false, reason: "photo_gone" };
  const existing = await findByClientId(db, s.customerId, s.clientClaimId);
  const id = existing?.id ?? crypto.randomUUID();
  const { statements, state, overrideCleared } = submissionBatch(db, s, existing, id);
  await db.batch(statements);
  if (existing?.photo_key && existing.photo_key !== s.photoKey) await photos.delete(existing.photo_key);
  return { recorded: true, id, state, resubmitted: Boolean(existing), overrideCleared };
}

/**
 * A claim id's first photo, written without its Durable Object: a plain INSERT that the unique
 * index (customer, client claim id) refuses when the claim exists, rolling the whole batch back.
 * It touches no existing row, so it cannot race a resubmission or an override (those need the
 * row and go through the Durable Object), and its photo lives in the new claim's own sub-folder
 * (photoObjectKey), which no deletion of an earlier claim with this client id sweeps.
 * null means "the claim exists: use the Durable Object".
 */
export async function recordFirstPhotoSubmission(
  db: D1Database,
  s: PhotoSubmission,
  id: string,
): Promise<SubmissionOutcome | null> {
  const { statements, state } = submissionBatch(db, s, null, id);
  try {
    await db.batch(statements);
  } catch (err) {
    if (isDuplicateClaimId(err)) return null;
    throw err;
  }
  return { recorded: true, id, state, resubmitted: false, overrideCleared: false };
}

type RecordedOverride = OverrideOutcome | { ok: false; reason: "not_found" | "stale" };

/** Applies a customer's override to one photo claim and audits it; refuses when the override rules say no. */
export async function recordOverride(
  db: D1Database,
  claimId: string,
  reason: string,
  actor: Pick<CurrentUser, "id" | "role">,
  requestId: string,
  now: string,
  /** If-Match: the versions the caller read; undefined applies the override whatever the version. */
  versions?: number[],
): Promise<RecordedOverride> {
  // Without If-Match, a change made meanwhile by another writer is read again rather than refused.
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryOverride(db, claimId, reason, actor, requestId, now, versions);
    if (outcome.ok || outcome.reason !== "stale" || versions || attempt === 3) return outcome;
  }
}

async function tryOverride(
  db: D1Database,
  claimId: string,
  reason: string,
  actor: Pick<CurrentUser, "id" | "role">,
  requestId: string,
  now: string,
  versions: number[] | undefined,
): Promise<RecordedOverride> {
  const row = await db
    .prepare(
      "SELECT id, photo_key, status, system_status, user_override, override_reason, override_at, photo_result, version FROM claims WHERE id = ? AND channel = 'photo'",
    )
    .bind(claimId)
    .first<StoredPhotoClaim & { version: number }>();
  if (!row) return { ok: false, reason: "not_found" };
  if (versions && !versions.includes(row.version)) return { ok: false, reason: "stale" };
  const quality = row.photo_result
    ? (JSON.parse(row.photo_result) as { quality_score?: number }).quality_score
    : undefined;
  const before = stateOf(row);
  const outcome = stateAfterOverride(before, reason, now, quality);
  if (!outcome.ok) return outcome;
  // Written only if nothing changed the claim since it was read (writers outside this Durable Object: assignment).
  const [written] = await db.batch([
    db
      .prepare(
        "UPDATE claims SET status = ?, user_override = 1, override_reason = ?, override_at = ?, updated_at = ? WHERE id = ? AND version = ?",
      )
      .bind(outcome.state.effectiveStatus, reason, now, now, claimId, row.version),
    db
      .prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
         SELECT 'claim', ?, 'claim.overridden', ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
      )
      .bind(
        claimId,
        actor.id,
        actor.role,
        JSON.stringify(auditState(before)),
        JSON.stringify(auditState(outcome.state)),
        requestId,
        now,
      ),
  ]);
  if ((written?.meta.changes ?? 0) === 0) return { ok: false, reason: "stale" };
  return outcome;
}

/** Other customers' photos within `maxDistance` bits of this hash (candidates share a band). */
export async function nearDuplicatePhotos(
  db: D1Database,
  customerId: string,
  perceptualHash: string,
): Promise<{ claimId: string; perceptualHash: string }[]> {
  const bands = perceptualHashBands(perceptualHash);
  const { results } = await db
    .prepare(
      `SELECT DISTINCT claim_id, perceptual_hash FROM photo_fingerprints
       WHERE customer_id != ? AND (${bands.map(() => "(band = ? AND band_value = ?)").join(" OR ")})`,
    )
    .bind(customerId, ...bands.flatMap((value, band) => [band, value]))
    .all<{ claim_id: string; perceptual_hash: string }>();
  return results.map((r) => ({ claimId: r.claim_id, perceptualHash: r.perceptual_hash }));
}
