import { adjudicateHealthClaim } from "../../domain/health/adjudicate";
import type { CostAnomalyRule } from "../../domain/health/cost-anomaly";
import { type HealthClaimRecord, type RecordedHealthClaim, recordHealthClaim } from "./benefit-ledger";
import { loadHealthClaimFacts } from "./facts";

export interface SubmittedHealthClaim {
  claim: RecordedHealthClaim;
  /** Milliseconds spent loading the facts and recording the outcome (for Server-Timing). */
  timings: { facts: number; record: number };
}

/**
 * The one health-claim pipeline every channel goes through: load the facts, adjudicate each line,
 * record the outcome with the benefit cap in one transaction (plus `alsoInBatch`).
 */
export async function submitHealthClaim(
  db: D1Database,
  record: HealthClaimRecord,
  diagnosisCodes: string[],
  costRule: CostAnomalyRule,
  alsoInBatch: D1PreparedStatement[] = [],
): Promise<SubmittedHealthClaim> {
  const parties = { memberId: record.memberId, providerId: record.providerId, diagnosisCodes };
  const started = performance.now();
  const facts = await loadHealthClaimFacts(db, parties, record.lines);
  const factsLoaded = performance.now();
  const decision = adjudicateHealthClaim(parties, record.lines, facts, costRule);
  const claim = await recordHealthClaim(db, record, decision, alsoInBatch);
  return { claim, timings: { facts: factsLoaded - started, record: performance.now() - factsLoaded } };
}
