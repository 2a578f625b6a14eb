import { env } from "cloudflare:workers";
import type { TestUser } from "../../helpers";

export const FRAUD_REASON = "Damage photo colour (red) does not match the insured car (white)";

/**
 * A first notice of loss written straight into D1 (no Workflow): its claims row, its facts and a
 * Claim.Requested + Fraud.Detected pair on the event log, for tests about who may read and change it.
 */
export async function storedFnolClaim(
  customer: TestUser,
  options: { fraud?: boolean; assignee?: string | null } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const fraud = options.fraud ?? true;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO claims (id, channel, status, owner_user_id, customer_id, fraud_flag, fraud_reason, updated_at, assigned_insurer_id)
       VALUES (?, 'fnol', ?, ?, ?, ?, ?, ?, ?)`,
    ).bind(
      id,
      fraud ? "REJECTED" : "PENDING",
      customer.id,
      customer.customerId,
      fraud ? 1 : 0,
      fraud ? FRAUD_REASON : null,
      now,
      options.assignee ?? null,
    ),
    env.DB.prepare(
      `INSERT INTO fnol_claims (claim_id, customer_id, policy_id, occurrence_at, fnol_at, drivers_license_number, submission,
         stage, stage_reason, damage_assessment, updated_at)
       VALUES (?, ?, 'POL-TEST', ?, ?, 'D1234567', '{}', ?, ?, ?, ?)`,
    ).bind(
      id,
      customer.customerId,
      now,
      now,
      fraud ? "FRAUD_DETECTED" : "AWAITING_PHOTO",
      fraud ? FRAUD_REASON : null,
      JSON.stringify({
        damage: { Name: "damage", Confidence: 91 },
        colour: { label: "red", confidence: 0.88 },
        severity: { label: "moderate", probabilities: { minor: 0.2, moderate: 0.7, severe: 0.1 } },
      }),
      now,
    ),
    ...[
      ["Claim.Requested", "fnol.service", { customerId: customer.customerId, claimId: id }],
      [
        "Fraud.Detected",
        "fraud.service",
        {
          customerId: customer.customerId,
          recordId: `DOC-${id.slice(0, 8)}`,
          documentType: "CAR",
          claimId: id,
          fraudType: "CLAIMS",
          fraudReason: FRAUD_REASON,
          fraudReasons: [FRAUD_REASON],
        },
      ],
    ].map(([type, source, detail]) =>
      env.DB.prepare(
        `INSERT INTO domain_events (id, detail_type, source, time, version, customer_id, subject_id, detail)
         VALUES (?, ?, ?, ?, '0', ?, ?, ?)`,
      ).bind(
        crypto.randomUUID(),
        type,
        source,
        now,
        customer.customerId,
        (detail as { recordId?: string }).recordId ?? id,
        JSON.stringify(detail),
      ),
    ),
  ]);
  return id;
}
