import type { CurrentUser } from "../../auth/current-user";
import type { ClaimStatus } from "../../db/schema";
import type { HealthClaimInput, Reason } from "../../domain/health/adjudicate";
import { benefitCapApplied, benefitExhausted, memberInactive } from "../../domain/health/benefit-reasons";
import type { HealthClaimRow } from "../views";

export interface HealthClaimRecord extends HealthClaimInput {
  id: string;
  serviceDate: string;
  notes: string | null;
  now: string;
  actor: CurrentUser;
  requestId: string;
}

const CLAIM_COLUMNS = `id, channel, status, owner_user_id, member_id, provider_id, diagnosis_code, procedure_code,
  service_date, claim_amount_cents, approved_amount_cents, fraud_flag, fraud_reason, reasons, notes,
  created_at, updated_at, processed_at`;

/** ?1–?8 of both claim inserts: id, submitter, member, provider, codes, service date, amount. */
const claimParameters = (claim: HealthClaimRecord) => [
  claim.id,
  claim.actor.id,
  claim.memberId,
  claim.providerId,
  claim.diagnosisCode,
  claim.procedureCode,
  claim.serviceDate,
  claim.amountCents,
];

const auditClaim = (db: D1Database, claim: HealthClaimRecord) =>
  db
    .prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, after, request_id, created_at)
       SELECT 'claim', id, 'claim.adjudicated', ?2, ?3,
              json_object('status', status, 'claim_amount_cents', claim_amount_cents,
                          'approved_amount_cents', approved_amount_cents, 'fraud_flag', json(CASE WHEN fraud_flag THEN 'true' ELSE 'false' END),
                          'reasons', json(reasons)),
              ?4, ?5
       FROM claims WHERE id = ?1`,
    )
    .bind(claim.id, claim.actor.id, claim.actor.role, claim.requestId, claim.now);

/** The stored claim row for a record and its outcome (what a read-back would return). */
function claimRow(
  claim: HealthClaimRecord,
  outcome: {
    status: ClaimStatus;
    approvedAmountCents: number;
    reasons: Reason[];
    fraudFlag: boolean;
    fraudReason: string | null;
  },
): HealthClaimRow {
  return {
    id: claim.id,
    channel: "health",
    memberId: claim.memberId,
    providerId: claim.providerId,
    diagnosisCode: claim.diagnosisCode,
    procedureCode: claim.procedureCode,
    serviceDate: claim.serviceDate,
    claimAmountCents: claim.amountCents,
    notes: claim.notes,
    createdAt: claim.now,
    updatedAt: claim.now,
    processedAt: claim.now,
    ...outcome,
  };
}

/** Records a claim that adjudication rejected before the benefit step: no money moves. */
export async function recordRejectedClaim(
  db: D1Database,
  claim: HealthClaimRecord,
  reasons: Reason[],
  fraudFlag: boolean,
  fraudReason: string | null,
): Promise<HealthClaimRow> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO claims (${CLAIM_COLUMNS})
         VALUES (?1, 'health', 'REJECTED', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ?12, ?13, ?13, ?13)`,
      )
      .bind(...claimParameters(claim), fraudFlag ? 1 : 0, fraudReason, JSON.stringify(reasons), claim.notes, claim.now),
    auditClaim(db, claim),
  ]);
  return claimRow(claim, { status: "REJECTED", approvedAmountCents: 0, reasons, fraudFlag, fraudReason });
}

// Inside the batch only the database knows the member's status and what it could deduct: the
// reasons are written in TypeScript with these placeholders, which the SQL fills in.
const MEMBER_STATUS = "{member_status}";
const APPROVED = "{approved}";
const reasonsJson = (reason: Reason) => JSON.stringify([reason]);

/**
 * Records a payable claim and deducts it from the member's remaining benefit in one D1 batch
 * (a single transaction, serialised with every other write): the member row's UPDATE takes
 * MIN(remaining, requested), remembers it in last_deduction_cents, and the claim row is built
 * from that same number — APPROVED in full, PARTIAL up to the remaining benefit, REJECTED when
 * nothing was left. Concurrent claims can therefore never approve more than the benefit held.
 */
export async function recordPayableClaim(db: D1Database, claim: HealthClaimRecord): Promise<HealthClaimRow> {
  const [, , inserted] = await db.batch<{ status: ClaimStatus; approved_amount_cents: number; reasons: string }>([
    db.prepare("UPDATE members SET last_deduction_cents = 0 WHERE member_id = ?1").bind(claim.memberId),
    db
      .prepare(
        `UPDATE members
         SET last_deduction_cents = MIN(remaining_benefit_cents, ?2),
             remaining_benefit_cents = remaining_benefit_cents - MIN(remaining_benefit_cents, ?2),
             updated_at = ?3
         WHERE member_id = ?1 AND status = 'ACTIVE' AND remaining_benefit_cents > 0`,
      )
      .bind(claim.memberId, claim.amountCents, claim.now),
    db
      .prepare(
        `INSERT INTO claims (${CLAIM_COLUMNS})
         SELECT ?1, 'health',
                CASE WHEN m.last_deduction_cents = 0 THEN 'REJECTED'
                     WHEN m.last_deduction_cents < ?8 THEN 'PARTIAL' ELSE 'APPROVED' END,
                ?2, ?3, ?4, ?5, ?6, ?7, ?8, m.last_deduction_cents, 0, NULL,
                CASE WHEN m.status != 'ACTIVE' THEN replace(?11, '${MEMBER_STATUS}', m.status)
                     WHEN m.last_deduction_cents = 0 THEN ?12
                     WHEN m.last_deduction_cents < ?8 THEN replace(?13, '${APPROVED}', printf('%.2f', m.last_deduction_cents / 100.0))
                     ELSE '[]' END,
                ?9, ?10, ?10, ?10
         FROM members m WHERE m.member_id = ?3
         RETURNING status, approved_amount_cents, reasons`,
      )
      .bind(
        ...claimParameters(claim),
        claim.notes,
        claim.now,
        reasonsJson(memberInactive(claim.memberId, MEMBER_STATUS)),
        reasonsJson(benefitExhausted(claim.memberId)),
        reasonsJson(benefitCapApplied(APPROVED, claim.amountCents)),
      ),
    db
      .prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
         SELECT 'member', member_id, 'member.benefit_deducted', ?2, ?3,
                json_object('remaining_benefit_cents', remaining_benefit_cents + last_deduction_cents),
                json_object('remaining_benefit_cents', remaining_benefit_cents, 'claim_id', ?4, 'deducted_cents', last_deduction_cents),
                ?5, ?6
         FROM members WHERE member_id = ?1 AND last_deduction_cents > 0`,
      )
      .bind(claim.memberId, claim.actor.id, claim.actor.role, claim.id, claim.requestId, claim.now),
    auditClaim(db, claim),
  ]);
  const outcome = inserted?.results[0];
  if (!outcome) throw new Error(`claim ${claim.id} was not recorded: member ${claim.memberId} vanished`);
  return claimRow(claim, {
    status: outcome.status,
    approvedAmountCents: outcome.approved_amount_cents,
    reasons: JSON.parse(outcome.reasons) as Reason[],
    fraudFlag: false,
    fraudReason: null,
  });
}
