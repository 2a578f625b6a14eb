import type { CurrentUser } from "../../auth/current-user";
import { isUniqueViolation } from "../../db/errors";
import type { ClaimLine, ClaimReason, ClaimStatus } from "../../db/schema";
import type { HealthClaimAdjudication, HealthClaimLineInput, Reason } from "../../domain/health/adjudicate";
import { benefitCapApplied, benefitExhausted, memberInactive } from "../../domain/health/benefit-reasons";
import { duplicateClaim, duplicateKey } from "../../domain/health/duplicate-claim";
import type { HealthClaimRow } from "../views";

/** A health claim of one or more lines, ready to be recorded with its adjudication. */
export interface HealthClaimRecord {
  id: string;
  memberId: string;
  providerId: string;
  /** The principal diagnosis, kept in the claim's own column. */
  diagnosisCode: string;
  /** In the order the benefit is allocated (by sequence). */
  lines: HealthClaimLineInput[];
  notes: string | null;
  now: string;
  actor: CurrentUser;
  requestId: string;
  /** Keep each line on the claim (claims that came with lines); a one-line JSON claim keeps its columns only. */
  storeLines: boolean;
}

export type RecordedHealthClaim = HealthClaimRow & { lines: ClaimLine[] | null };

const CLAIM_COLUMNS = `id, channel, status, owner_user_id, member_id, provider_id, diagnosis_code, procedure_code,
  service_date, claim_amount_cents, approved_amount_cents, fraud_flag, fraud_reason, reasons, lines, notes,
  created_at, updated_at, processed_at, duplicate_key`;

const keyOf = (claim: HealthClaimRecord) => duplicateKey(claim.memberId, claim.providerId, claim.lines);

/** The claim's own columns: the first line's procedure and date, the total submitted. */
const firstLine = (claim: HealthClaimRecord) => {
  const line = claim.lines[0];
  if (!line) throw new Error(`claim ${claim.id} has no lines`);
  return line;
};

const submittedCents = (claim: HealthClaimRecord) => claim.lines.reduce((sum, line) => sum + line.amountCents, 0);

/** ?1–?8 of both claim inserts: id, submitter, member, provider, codes, service date, amount. */
const claimParameters = (claim: HealthClaimRecord) => {
  const line = firstLine(claim);
  return [
    claim.id,
    claim.actor.id,
    claim.memberId,
    claim.providerId,
    claim.diagnosisCode,
    line.procedureCode,
    line.serviceDate,
    submittedCents(claim),
  ];
};

const auditClaim = (db: D1Database, claim: HealthClaimRecord) =>
  db
    .prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, after, request_id, created_at)
       SELECT 'claim', id, 'claim.adjudicated', ?2, ?3,
              json_patch(json_object('status', status, 'claim_amount_cents', claim_amount_cents,
                          'approved_amount_cents', approved_amount_cents, 'fraud_flag', json(CASE WHEN fraud_flag THEN 'true' ELSE 'false' END),
                          'reasons', json(reasons)),
                         CASE WHEN lines IS NULL THEN '{}' ELSE json_object('lines', json(lines)) END),
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
    reasons: ClaimReason[];
    fraudFlag: boolean;
    fraudReason: string | null;
    lines: ClaimLine[] | null;
  },
): RecordedHealthClaim {
  const line = firstLine(claim);
  return {
    id: claim.id,
    channel: "health",
    memberId: claim.memberId,
    providerId: claim.providerId,
    diagnosisCode: claim.diagnosisCode,
    procedureCode: line.procedureCode,
    serviceDate: line.serviceDate,
    claimAmountCents: submittedCents(claim),
    notes: claim.notes,
    createdAt: claim.now,
    updatedAt: claim.now,
    processedAt: claim.now,
    ...outcome,
    lines: outcome.lines ? [...outcome.lines].sort((a, b) => a.sequence - b.sequence) : null,
  };
}

/** Every reason the claim's row carries before the benefit step: the claim's own, then each line's. */
const decisionReasons = (decision: HealthClaimAdjudication): ClaimReason[] => [
  ...decision.claimReasons,
  ...decision.lines.flatMap((line) => line.reasons),
];

/** Records a claim none of whose lines got past adjudication: no money moves. */
async function recordRejectedClaim(
  db: D1Database,
  claim: HealthClaimRecord,
  decision: HealthClaimAdjudication,
  alsoInBatch: D1PreparedStatement[],
): Promise<RecordedHealthClaim> {
  const reasons = decisionReasons(decision);
  const lines: ClaimLine[] | null = claim.storeLines
    ? claim.lines.map((line, i) => {
        const own = decision.lines[i]?.reasons ?? [];
        return {
          sequence: line.sequence,
          procedure_code: line.procedureCode,
          diagnosis_codes: line.diagnosisCodes,
          service_date: line.serviceDate,
          claim_amount_cents: line.amountCents,
          approved_amount_cents: 0,
          status: "REJECTED",
          reasons: own.length > 0 ? own : decision.claimReasons,
          fraud_flag: (decision.lines[i]?.fraudReasons.length ?? 0) > 0,
        };
      })
    : null;
  await db.batch([
    db
      .prepare(
        `INSERT INTO claims (${CLAIM_COLUMNS})
         VALUES (?1, 'health', 'REJECTED', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?14, ?15)`,
      )
      .bind(
        ...claimParameters(claim),
        decision.fraudFlag ? 1 : 0,
        decision.fraudReason,
        JSON.stringify(reasons),
        lines ? JSON.stringify(lines) : null,
        claim.notes,
        claim.now,
        keyOf(claim),
      ),
    auditClaim(db, claim),
    ...alsoInBatch,
  ]);
  return claimRow(claim, {
    status: "REJECTED",
    approvedAmountCents: 0,
    reasons,
    fraudFlag: decision.fraudFlag,
    fraudReason: decision.fraudReason,
    lines,
  });
}

// Inside the batch only the database knows the member's status and what it could deduct: the
// reasons are written in TypeScript with these placeholders, which the SQL fills in.
const MEMBER_STATUS = "{member_status}";
const APPROVED = "{approved}";
const reasonJson = (reason: Reason) => JSON.stringify(reason);

/**
 * The lines as the SQL below reads them: what each asks, whether it is payable, and how much of
 * the deduction the payable lines before it take first.
 */
function lineAllocations(claim: HealthClaimRecord, decision: HealthClaimAdjudication) {
  let payableBefore = 0;
  return claim.lines.map((line, i) => {
    const adjudicated = decision.lines[i];
    const payable = adjudicated?.payable ?? false;
    const allocation = {
      sequence: line.sequence,
      procedure_code: line.procedureCode,
      diagnosis_codes: line.diagnosisCodes,
      service_date: line.serviceDate,
      amount: line.amountCents,
      payable: payable ? 1 : 0,
      paid_before: payableBefore,
      reasons: adjudicated?.reasons ?? [],
      fraud_flag: (adjudicated?.fraudReasons.length ?? 0) > 0 ? 1 : 0,
      capped: reasonJson(benefitCapApplied(APPROVED, line.amountCents)),
    };
    if (payable) payableBefore += line.amountCents;
    return allocation;
  });
}

/**
 * Records a claim with at least one payable line and deducts the payable total from the member's
 * remaining benefit in one D1 batch (a single transaction, serialised with every other write):
 * the member row's UPDATE takes MIN(remaining, payable), remembers it in last_deduction_cents,
 * and the claim row and each line are built from that same number — the payable lines share it
 * in sequence order, APPROVED in full, PARTIAL up to what remains, REJECTED when nothing was left.
 * Concurrent claims can therefore never approve more than the benefit held.
 * The claim row carries its duplicate key: when a copy was approved since the facts were read, the
 * unique index refuses the row, the whole batch (deduction included) rolls back, and the claim is
 * recorded as a rejected duplicate naming the claim that was paid.
 */
async function recordPayableClaim(
  db: D1Database,
  claim: HealthClaimRecord,
  decision: HealthClaimAdjudication,
  alsoInBatch: D1PreparedStatement[],
): Promise<RecordedHealthClaim> {
  // A second round only if the paid copy was deleted between the refusal and the look-up.
  for (let round = 1; ; round++) {
    try {
      return await deductAndRecord(db, claim, decision, alsoInBatch);
    } catch (err) {
      if (!isUniqueViolation(err, "claims.duplicate_key") || round === 3) throw err;
      const original = await db
        .prepare("SELECT id FROM claims WHERE duplicate_key = ? AND status != 'REJECTED' LIMIT 1")
        .bind(keyOf(claim))
        .first<{ id: string }>();
      if (original) {
        const reason = duplicateClaim(original.id);
        const asDuplicate: HealthClaimAdjudication = {
          claimReasons: [reason],
          lines: decision.lines.map((line) => ({ ...line, payable: false })),
          fraudFlag: true,
          fraudReason: decision.fraudReason ? `${reason.message}; ${decision.fraudReason}` : reason.message,
        };
        return recordRejectedClaim(db, claim, asDuplicate, alsoInBatch);
      }
    }
  }
}

async function deductAndRecord(
  db: D1Database,
  claim: HealthClaimRecord,
  decision: HealthClaimAdjudication,
  alsoInBatch: D1PreparedStatement[],
): Promise<RecordedHealthClaim> {
  const allocations = lineAllocations(claim, decision);
  const payableCents = allocations.reduce((sum, line) => sum + (line.payable ? line.amount : 0), 0);
  const [, , inserted] = await db.batch<{
    status: ClaimStatus;
    approved_amount_cents: number;
    reasons: string;
    lines: string | null;
  }>([
    db.prepare("UPDATE members SET last_deduction_cents = 0 WHERE member_id = ?1").bind(claim.memberId),
    db
      .prepare(
        `UPDATE members
         SET last_deduction_cents = MIN(remaining_benefit_cents, ?2),
             remaining_benefit_cents = remaining_benefit_cents - MIN(remaining_benefit_cents, ?2),
             updated_at = ?3
         WHERE member_id = ?1 AND status = 'ACTIVE' AND remaining_benefit_cents > 0`,
      )
      .bind(claim.memberId, payableCents, claim.now),
    db
      .prepare(
        `INSERT INTO claims (${CLAIM_COLUMNS})
         SELECT ?1, 'health',
                CASE WHEN m.last_deduction_cents = 0 THEN 'REJECTED'
                     WHEN m.last_deduction_cents < ?8 THEN 'PARTIAL' ELSE 'APPROVED' END,
                ?2, ?3, ?4, ?5, ?6, ?7, ?8, m.last_deduction_cents, ?11, ?12,
                CASE WHEN m.status != 'ACTIVE' THEN json_insert(?13, '$[#]', json(replace(?15, '${MEMBER_STATUS}', m.status)))
                     WHEN m.last_deduction_cents = 0 THEN json_insert(?13, '$[#]', json(?16))
                     WHEN m.last_deduction_cents < ?14 THEN json_insert(?13, '$[#]',
                          json(replace(?17, '${APPROVED}', printf('%.2f', m.last_deduction_cents / 100.0))))
                     ELSE json(?13) END,
                ${
                  claim.storeLines
                    ? `(
                  SELECT json_group_array(json_object(
                    'sequence', s.sequence, 'procedure_code', s.procedure_code, 'diagnosis_codes', json(s.diagnosis_codes),
                    'service_date', s.service_date, 'claim_amount_cents', s.amount, 'approved_amount_cents', s.approved,
                    'status', CASE WHEN s.approved = s.amount THEN 'APPROVED' WHEN s.approved > 0 THEN 'PARTIAL' ELSE 'REJECTED' END,
                    'reasons', json(CASE WHEN NOT s.payable THEN s.reasons
                      WHEN m.status != 'ACTIVE' THEN json_array(json(replace(?15, '${MEMBER_STATUS}', m.status)))
                      WHEN s.approved = 0 THEN json_array(json(?16))
                      WHEN s.approved < s.amount THEN json_array(json(replace(s.capped, '${APPROVED}', printf('%.2f', s.approved / 100.0))))
                      ELSE '[]' END),
                    'fraud_flag', json(CASE WHEN s.fraud_flag THEN 'true' ELSE 'false' END)))
                  FROM (SELECT l.value ->> '$.sequence' AS sequence, l.value ->> '$.procedure_code' AS procedure_code,
                               l.value -> '$.diagnosis_codes' AS diagnosis_codes, l.value ->> '$.service_date' AS service_date,
                               l.value ->> '$.amount' AS amount, l.value ->> '$.payable' AS payable, l.value -> '$.reasons' AS reasons,
                               l.value ->> '$.fraud_flag' AS fraud_flag, l.value ->> '$.capped' AS capped,
                               CASE WHEN l.value ->> '$.payable'
                                    THEN MAX(0, MIN(l.value ->> '$.amount', m.last_deduction_cents - (l.value ->> '$.paid_before')))
                                    ELSE 0 END AS approved
                        FROM json_each(?18) l) s
                )`
                    : "NULL"
                },
                ?9, ?10, ?10, ?10, ?19
         FROM members m WHERE m.member_id = ?3
         RETURNING status, approved_amount_cents, reasons, lines`,
      )
      .bind(
        ...claimParameters(claim),
        claim.notes,
        claim.now,
        decision.fraudFlag ? 1 : 0,
        decision.fraudReason,
        JSON.stringify(decisionReasons(decision)),
        payableCents,
        reasonJson(memberInactive(claim.memberId, MEMBER_STATUS)),
        reasonJson(benefitExhausted(claim.memberId)),
        reasonJson(benefitCapApplied(APPROVED, payableCents)),
        claim.storeLines ? JSON.stringify(allocations) : null,
        keyOf(claim),
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
    ...alsoInBatch,
  ]);
  const outcome = inserted?.results[0];
  if (!outcome) throw new Error(`claim ${claim.id} was not recorded: member ${claim.memberId} vanished`);
  return claimRow(claim, {
    status: outcome.status,
    approvedAmountCents: outcome.approved_amount_cents,
    reasons: JSON.parse(outcome.reasons) as ClaimReason[],
    fraudFlag: decision.fraudFlag,
    fraudReason: decision.fraudReason,
    lines: outcome.lines === null ? null : (JSON.parse(outcome.lines) as ClaimLine[]),
  });
}

/**
 * Records an adjudicated health claim, with `alsoInBatch` written in the same transaction: a claim
 * with a payable line goes through the benefit cap; any other is recorded REJECTED as it stands.
 */
export function recordHealthClaim(
  db: D1Database,
  claim: HealthClaimRecord,
  decision: HealthClaimAdjudication,
  alsoInBatch: D1PreparedStatement[] = [],
): Promise<RecordedHealthClaim> {
  return decision.lines.some((line) => line.payable)
    ? recordPayableClaim(db, claim, decision, alsoInBatch)
    : recordRejectedClaim(db, claim, decision, alsoInBatch);
}
