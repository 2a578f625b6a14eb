// A seeded population of claims of every channel, written straight to D1: the reports' test data
// and the 10,000-claim benchmark. Not demo data for people: a load the reports are measured on.
import { Rng } from "../../src/ml/random";

export interface PopulatedClaim {
  id: string;
  channel: "health" | "photo" | "document";
  status: string;
  ownerUserId: string | null;
  assignedInsurerId: string | null;
  providerId: string | null;
  claimAmountCents: number | null;
  approvedAmountCents: number | null;
  fraudFlag: boolean;
  fraudConfirmed: boolean | null;
  extractedData: Record<string, unknown> | null;
  createdAt: string;
  prediction: { fraudScore: number; isFraudulent: boolean; reserveCents: number } | null;
}

const STATES = ["OH", "NY", "SC", "WV", "VA", "NC", "PA"];
const INCIDENT_TYPES = ["Single Vehicle Collision", "Multi-vehicle Collision", "Vehicle Theft", "Parked Car"];
const PROVIDERS = ["H456", "H501", "H502", "H503"];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;

/** `count` claims created over the two years before `until`, owned by `insurerIds` in turn where a channel has an owner. */
export function claimPopulation(
  count: number,
  options: { seed?: number; insurerIds?: string[]; until?: string; idPrefix?: string } = {},
): PopulatedClaim[] {
  const rng = new Rng(options.seed ?? 7);
  const until = Date.parse(options.until ?? "2026-10-31T23:59:59Z");
  const insurers = options.insurerIds ?? [];
  const prefix = options.idPrefix ?? "population";
  return Array.from({ length: count }, (_, i) => {
    const roll = rng.next();
    const channel = roll < 0.45 ? "document" : roll < 0.8 ? "health" : "photo";
    const createdAt = new Date(until - Math.floor(rng.next() * 730 * 86_400_000)).toISOString();
    // Log-normal amounts: most claims small, a long tail of large ones.
    const amount = Math.round(Math.exp(7 + rng.next() * 5) * 100);
    const insurer = insurers.length ? insurers[i % insurers.length]! : null;
    const id = `${prefix}-${i.toString().padStart(6, "0")}`;
    if (channel === "health") {
      const status = pick(rng, ["APPROVED", "APPROVED", "PARTIAL", "REJECTED"]);
      const flagged = status === "REJECTED" && rng.next() < 0.5;
      return {
        id,
        channel,
        status,
        ownerUserId: null,
        assignedInsurerId: rng.next() < 0.3 ? insurer : null,
        providerId: pick(rng, PROVIDERS),
        claimAmountCents: amount,
        approvedAmountCents: status === "REJECTED" ? 0 : status === "PARTIAL" ? Math.round(amount / 2) : amount,
        fraudFlag: flagged,
        fraudConfirmed: null,
        extractedData: null,
        createdAt,
        prediction: null,
      };
    }
    if (channel === "photo") {
      return {
        id,
        channel,
        status: pick(rng, ["APPROVED", "REJECTED"]),
        ownerUserId: null,
        assignedInsurerId: rng.next() < 0.5 ? insurer : null,
        providerId: null,
        claimAmountCents: null,
        approvedAmountCents: null,
        fraudFlag: rng.next() < 0.05,
        fraudConfirmed: null,
        extractedData: null,
        createdAt,
        prediction: null,
      };
    }
    const status = pick(rng, ["PENDING", "PROCESSED", "PROCESSED", "APPROVED", "REJECTED", "FAILED"]);
    const read = status !== "PENDING" && status !== "FAILED";
    const score = rng.next();
    return {
      id,
      channel,
      status,
      ownerUserId: insurer,
      assignedInsurerId: null,
      providerId: null,
      claimAmountCents: read ? amount : null,
      approvedAmountCents: null,
      fraudFlag: false,
      fraudConfirmed: read && rng.next() < 0.2 ? rng.next() < 0.3 : null,
      extractedData: read
        ? {
            incident_state: pick(rng, STATES),
            incident_type: pick(rng, INCIDENT_TYPES),
            amount_claimed: amount / 100,
            confidence: { incident_state: 0.9, incident_type: 0.8, amount_claimed: 0.95 },
          }
        : null,
      createdAt,
      prediction: read
        ? { fraudScore: score, isFraudulent: score >= 0.6, reserveCents: Math.round(amount * 0.8) }
        : null,
    };
  });
}

/** The INSERT statements for a population, batched so that no statement binds more than D1's 100 parameters. */
export function populationStatements(db: D1Database, claims: readonly PopulatedClaim[]): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (const c of claims) {
    statements.push(
      db
        .prepare(
          `INSERT INTO claims (id, channel, status, owner_user_id, assigned_insurer_id, provider_id, claim_amount_cents,
             approved_amount_cents, fraud_flag, fraud_confirmed, extracted_data, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          c.id,
          c.channel,
          c.status,
          c.ownerUserId,
          c.assignedInsurerId,
          c.providerId,
          c.claimAmountCents,
          c.approvedAmountCents,
          c.fraudFlag ? 1 : 0,
          c.fraudConfirmed === null ? null : c.fraudConfirmed ? 1 : 0,
          c.extractedData ? JSON.stringify(c.extractedData) : null,
          c.createdAt,
          c.createdAt,
        ),
    );
    if (c.prediction) {
      statements.push(
        db
          .prepare(
            `INSERT INTO predictions (claim_id, fraud_score, is_fraudulent, fraud_threshold, reserve_estimate_cents, model_version)
             VALUES (?, ?, ?, 0.6, ?, 'population')`,
          )
          .bind(c.id, c.prediction.fraudScore, c.prediction.isFraudulent ? 1 : 0, c.prediction.reserveCents),
      );
    }
  }
  return statements;
}

/** Writes a population in batches of `chunk` statements. */
export async function insertPopulation(db: D1Database, claims: readonly PopulatedClaim[], chunk = 500): Promise<void> {
  const statements = populationStatements(db, claims);
  for (let i = 0; i < statements.length; i += chunk) await db.batch(statements.slice(i, i + chunk));
}
