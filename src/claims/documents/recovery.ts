import { recoveryAction, STALE_PENDING_MS } from "../../domain/documents/processing-attempts";
import type { Env } from "../../env";
import { failClaim, requeueClaim, unchangedSince } from "./processing-state";
import { documentKey } from "./storage";

const SWEEP_LIMIT = 100;

export interface RecoveryReport {
  requeued: string[];
  failed: string[];
}

/**
 * The recovery job's sweep: document claims whose attempt's lease expired (the runtime killed it,
 * or the consumer was restarted), or that waited too long for a first attempt (their message was
 * lost), are queued again — or FAILED once their attempts are spent. Each change is conditional on
 * the claim being as it was read, so a sweep racing a consumer or another sweep changes nothing twice.
 */
export async function recoverDocumentClaims(env: Env, now: Date): Promise<RecoveryReport> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_PENDING_MS).toISOString();
  const { results } = await env.DB.prepare(
    `SELECT id, document_key, status, processing_attempts, lease_expires_at, updated_at FROM claims
     WHERE channel = 'document'
       AND ((status = 'PROCESSING' AND (lease_expires_at IS NULL OR lease_expires_at <= ?)) OR (status = 'PENDING' AND updated_at <= ?))
     ORDER BY updated_at LIMIT ?`,
  )
    .bind(at, staleBefore, SWEEP_LIMIT)
    .all<{
      id: string;
      document_key: string | null;
      status: string;
      processing_attempts: number;
      lease_expires_at: string | null;
      updated_at: string;
    }>();
  const report: RecoveryReport = { requeued: [], failed: [] };
  const who = { actor: null, requestId: null, now: at };
  for (const row of results) {
    const state = {
      status: row.status,
      attempts: row.processing_attempts,
      leaseExpiresAt: row.lease_expires_at,
      updatedAt: row.updated_at,
    };
    const action = recoveryAction(state, now);
    if (action.kind === "fail") {
      if (await failClaim(env.DB, row.id, action.reason, unchangedSince(state), who)) report.failed.push(row.id);
    } else if (action.kind === "requeue") {
      if (!(await requeueClaim(env.DB, row.id, action.reason, unchangedSince(state), who))) continue;
      try {
        await env.CLAIM_DOCUMENTS_QUEUE.send({ claimId: row.id, documentKey: row.document_key ?? documentKey(row.id) });
        report.requeued.push(row.id);
      } catch (err) {
        // The claim stays PENDING: a later sweep sends it again once it is stale.
        console.error(
          JSON.stringify({ level: "error", message: "requeue failed", claim_id: row.id, error: String(err) }),
        );
      }
    }
  }
  return report;
}
