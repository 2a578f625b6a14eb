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
      "SELECT id, status, system_status, user_override, override_reason, override_at, photo_result FROM claims WHERE channel = 'photo' AND customer_id = ? AND client_claim_id = ?",
    )
    .bind(customerId, clientClaimId)
    .first<StoredPhotoClaim>();

/**
 * Records a (re)submitted photo's result for one customer's claim: a new claim, or the same
 * claim's result replaced (idempotent resubmission). Its fingerprint is replaced
 * too, and the step is audited. Runs inside the claim's Durable Object, one call at a time.
 */
export async function recordPhotoSubmission(
  db: D1Database,
  s: PhotoSubmission,
): Promise<{ id: string; state: PhotoClaimState; resubmitted: boolean }> {
  const existing = await findByClientId(db, s.customerId, s.clientClaimId);
  const id = existing?.id ?? crypto.randomUUID();
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
  await db.batch([
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
      existing ? "claim.photo_resubmitted" : "claim.photo_submitted",
      s.actor,
      existing ? auditState(stateOf(existing)) : null,
      {
        ...auditState(state),
        photo_key: s.photoKey,
        confidence: s.result.confidence,
        damage_detected: s.result.damage_detected,
        fraud_reason: fraudReason,
      },
      s.requestId,
      s.now,
    ),
  ]);
  return { id, state, resubmitted: Boolean(existing) };
}

/** Applies a customer's override to one photo claim and audits it; refuses when the override rules say no. */
export async function recordOverride(
  db: D1Database,
  claimId: string,
  reason: string,
  actor: Pick<CurrentUser, "id" | "role">,
  requestId: string,
  now: string,
): Promise<OverrideOutcome | { ok: false; reason: "not_found" }> {
  const row = await db
    .prepare(
      "SELECT id, status, system_status, user_override, override_reason, override_at, photo_result FROM claims WHERE id = ? AND channel = 'photo'",
    )
    .bind(claimId)
    .first<StoredPhotoClaim>();
  if (!row) return { ok: false, reason: "not_found" };
  const quality = row.photo_result
    ? (JSON.parse(row.photo_result) as { quality_score?: number }).quality_score
    : undefined;
  const before = stateOf(row);
  const outcome = stateAfterOverride(before, reason, now, quality);
  if (!outcome.ok) return outcome;
  await db.batch([
    db
      .prepare(
        "UPDATE claims SET status = ?, user_override = 1, override_reason = ?, override_at = ?, updated_at = ? WHERE id = ?",
      )
      .bind(outcome.state.effectiveStatus, reason, now, now, claimId),
    audit(db, claimId, "claim.overridden", actor, auditState(before), auditState(outcome.state), requestId, now),
  ]);
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
