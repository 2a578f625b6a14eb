import type { CurrentUser } from "../../auth/current-user";
import type { ProcessingState } from "../../domain/documents/processing-attempts";
import { MAX_PROCESSING_ATTEMPTS } from "../../domain/documents/processing-attempts";

// Every change of a document claim's processing state is one conditional UPDATE with its audit
// entry, in one batch: the guard says which state the change starts from, so a change made from a
// state that has moved on (a lease taken over, a claim finished or deleted) does nothing.

/** The running attempt: its number, and until when it holds the claim. */
export interface Lease {
  claimId: string;
  attempt: number;
  expiresAt: string;
}

interface Guard {
  sql: string;
  bindings: unknown[];
}

/** The attempt still holds the claim (no one took it over, failed or deleted it). */
export const heldBy = (lease: Lease): Guard => ({
  sql: "status = 'PROCESSING' AND processing_attempts = ?",
  bindings: [lease.attempt],
});

/** The claim is as it was read (for the recovery job, which acts on what it read). */
export const unchangedSince = (state: ProcessingState): Guard => ({
  sql: "status = ? AND processing_attempts = ? AND updated_at = ?",
  bindings: [state.status, state.attempts, state.updatedAt],
});

/** Not finished: waiting for an attempt, or held by one. */
export const unfinished: Guard = { sql: "status IN ('PENDING', 'PROCESSING')", bindings: [] };

/** Nothing holds it: waiting, failed, or held by an attempt whose lease has expired. */
export const notHeld = (now: string): Guard => ({
  sql: "status IN ('PENDING', 'FAILED') OR (status = 'PROCESSING' AND (lease_expires_at IS NULL OR lease_expires_at <= ?))",
  bindings: [now],
});

type Actor = Pick<CurrentUser, "id" | "role"> | null;

async function transition(
  db: D1Database,
  claimId: string,
  guard: Guard,
  change: { set: string; bindings: unknown[]; action: string; after: Record<string, unknown> },
  who: { actor: Actor; requestId: string | null; now: string },
): Promise<boolean> {
  const where = `id = ? AND channel = 'document' AND (${guard.sql})`;
  const [, update] = await db.batch([
    db
      .prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
         SELECT 'claim', id, ?, ?, ?,
                json_object('status', status, 'processing_attempts', processing_attempts, 'lease_expires_at', lease_expires_at),
                ?, ?, ?
         FROM claims WHERE ${where}`,
      )
      .bind(
        change.action,
        who.actor?.id ?? null,
        who.actor?.role ?? null,
        JSON.stringify(change.after),
        who.requestId,
        who.now,
        claimId,
        ...guard.bindings,
      ),
    db
      .prepare(`UPDATE claims SET ${change.set}, updated_at = ? WHERE ${where}`)
      .bind(...change.bindings, who.now, claimId, ...guard.bindings),
  ]);
  return (update?.meta.changes ?? 0) > 0;
}

/**
 * Starts an attempt: a waiting claim, or one whose last attempt's lease expired, becomes
 * PROCESSING under a new lease, its attempt counted — in one conditional UPDATE, so two deliveries
 * of the same claim never both hold it. Null when it cannot be taken (see readProcessingState).
 */
export async function takeLease(db: D1Database, claimId: string, now: Date, leaseMs: number): Promise<Lease | null> {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + leaseMs).toISOString();
  const row = await db
    .prepare(
      `UPDATE claims SET status = 'PROCESSING', processing_attempts = processing_attempts + 1, lease_expires_at = ?, updated_at = ?
       WHERE id = ? AND channel = 'document' AND processing_attempts < ?
         AND (status = 'PENDING' OR (status = 'PROCESSING' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)))
       RETURNING processing_attempts`,
    )
    .bind(expiresAt, at, claimId, MAX_PROCESSING_ATTEMPTS, at)
    .first<{ processing_attempts: number }>();
  return row ? { claimId, attempt: row.processing_attempts, expiresAt } : null;
}

export async function readProcessingState(db: D1Database, claimId: string): Promise<ProcessingState | null> {
  const row = await db
    .prepare(
      "SELECT status, processing_attempts, lease_expires_at, updated_at FROM claims WHERE id = ? AND channel = 'document'",
    )
    .bind(claimId)
    .first<{ status: string; processing_attempts: number; lease_expires_at: string | null; updated_at: string }>();
  return row
    ? {
        status: row.status,
        attempts: row.processing_attempts,
        leaseExpiresAt: row.lease_expires_at,
        updatedAt: row.updated_at,
      }
    : null;
}

/** FAILED with the reason, from the state the guard names. */
export const failClaim = (
  db: D1Database,
  claimId: string,
  reason: string,
  guard: Guard,
  who: { actor: Actor; requestId: string | null; now: string },
  action = "claim.document_failed",
) =>
  transition(
    db,
    claimId,
    guard,
    {
      set: "status = 'FAILED', failure_reason = ?, lease_expires_at = NULL",
      bindings: [reason.slice(0, 500)],
      action,
      after: { status: "FAILED", reason: reason.slice(0, 500) },
    },
    who,
  );

/** Back to PENDING for another attempt (its count kept), from the state the guard names. */
export const requeueClaim = (
  db: D1Database,
  claimId: string,
  reason: string,
  guard: Guard,
  who: { actor: Actor; requestId: string | null; now: string },
  action = "claim.processing_requeued",
) =>
  transition(
    db,
    claimId,
    guard,
    { set: "status = 'PENDING', lease_expires_at = NULL", bindings: [], action, after: { status: "PENDING", reason } },
    who,
  );

/** An administrator's re-run: PENDING with a fresh count of attempts, the last failure forgotten. */
export const rerunClaim = (
  db: D1Database,
  claimId: string,
  who: { actor: Actor; requestId: string | null; now: string },
) =>
  transition(
    db,
    claimId,
    notHeld(who.now),
    {
      set: "status = 'PENDING', processing_attempts = 0, lease_expires_at = NULL, failure_reason = NULL",
      bindings: [],
      action: "claim.rerun_requested",
      after: { status: "PENDING", processing_attempts: 0 },
    },
    who,
  );
