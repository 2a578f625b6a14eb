import { and, eq, ne } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { Database } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { autoPolicies, customers } from "../db/schema";
import { type ScreeningDecision, screenSignup } from "../domain/customers/screening";
import { domainEvent } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import type { Env } from "../env";
import { runBatch } from "../events/batch";
import { appendEvents, type Statement } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { issueUploadUrl } from "../uploads/upload-grants";
import { findCustomer, findPolicyAndVehicle } from "./customer-records";

export class UnknownCustomerError extends Error {}

/** The facts screening needs, read fresh, and the decision on them. */
export async function screenCustomer(db: Database, customerId: string): Promise<ScreeningDecision> {
  const customer = await findCustomer(db, customerId);
  const insured = await findPolicyAndVehicle(db, customerId);
  if (!customer || !insured) throw new UnknownCustomerError(`no customer ${customerId} with a policy`);
  const otherActiveVin = await db
    .select({ id: autoPolicies.id })
    .from(autoPolicies)
    .where(
      and(
        eq(autoPolicies.vin, insured.policy.vin),
        eq(autoPolicies.status, "ACTIVE"),
        ne(autoPolicies.customerId, customerId),
      ),
    )
    .get();
  const sameSsn = customer.ssnHash
    ? await db
        .select({ id: customers.id })
        .from(customers)
        .innerJoin(autoPolicies, eq(autoPolicies.customerId, customers.id))
        .where(
          and(eq(customers.ssnHash, customer.ssnHash), ne(customers.id, customerId), eq(autoPolicies.status, "ACTIVE")),
        )
        .get()
    : undefined;
  return screenSignup({ vinAlreadyInsured: !!otherActiveVin, ssnHeldByAnotherCustomer: !!sameSsn });
}

export type OnboardingOutcome =
  | { status: "ACCEPTED" | "REJECTED"; eventId: string }
  | { status: "UNCHANGED"; current: string };

/**
 * Records the screening decision with its event in one batch. Replay-safe: a customer already
 * decided (or erased) is left alone, and the event id is derived from the customer id. Two signups
 * of one car racing to acceptance meet the one-active-policy-per-VIN index: the loser is rejected.
 */
export async function recordOnboardingDecision(
  env: Env,
  db: Database,
  customerId: string,
  decision: ScreeningDecision,
): Promise<OnboardingOutcome> {
  const customer = await findCustomer(db, customerId);
  const insured = await findPolicyAndVehicle(db, customerId);
  if (!customer || !insured) throw new UnknownCustomerError(`no customer ${customerId} with a policy`);
  if (customer.status !== "SUBMITTED") return { status: "UNCHANGED", current: customer.status };
  const now = new Date();
  if (decision.accepted) {
    try {
      return await accept(env, db, customerId, insured.policy.id, customer.apiOrigin, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      decision = { accepted: false, reason: "This vehicle (VIN) is already insured under another active policy." };
    }
  }
  return reject(env, db, customerId, insured.policy.id, decision.reason, now);
}

async function accept(
  env: Env,
  db: Database,
  customerId: string,
  policyId: string,
  origin: string,
  now: Date,
): Promise<OnboardingOutcome> {
  const at = now.toISOString();
  const grant = { customerId, origin, now, replayKey: `onboarding:${customerId}` };
  const licence = await issueUploadUrl(db, env.JWT_SECRET, { ...grant, purpose: "DRIVERS_LICENSE" });
  const car = await issueUploadUrl(db, env.JWT_SECRET, { ...grant, purpose: "CAR" });
  const event = domainEvent(
    "Customer.Accepted",
    await eventIdFor(customerId, "Customer.Accepted"),
    {
      customerId,
      policyId,
      driversLicenseImageUrl: licence.url,
      carImageUrl: car.url,
      uploadUrlsExpireAt: licence.expiresAt,
    },
    at,
  );
  await commit(env, db, event, [
    db
      .update(customers)
      .set({ status: "ACCEPTED", updatedAt: at })
      .where(and(eq(customers.id, customerId), eq(customers.status, "SUBMITTED"))),
    db
      .update(autoPolicies)
      .set({ status: "ACTIVE", updatedAt: at })
      .where(and(eq(autoPolicies.id, policyId), eq(autoPolicies.status, "PENDING"))),
    licence.statement,
    car.statement,
    auditInsert(db, {
      entityType: "customer",
      entityId: customerId,
      action: "customer.accepted",
      actor: null,
      after: { customer_id: customerId, policy_id: policyId, policy_status: "ACTIVE" },
    }),
  ]);
  return { status: "ACCEPTED", eventId: event.id };
}

async function reject(
  env: Env,
  db: Database,
  customerId: string,
  policyId: string,
  reason: string,
  now: Date,
): Promise<OnboardingOutcome> {
  const at = now.toISOString();
  const event = domainEvent(
    "Customer.Rejected",
    await eventIdFor(customerId, "Customer.Rejected"),
    { customerId, reason },
    at,
  );
  await commit(env, db, event, [
    db
      .update(customers)
      .set({ status: "REJECTED", rejectionReason: reason, updatedAt: at })
      .where(and(eq(customers.id, customerId), eq(customers.status, "SUBMITTED"))),
    db
      .update(autoPolicies)
      .set({ status: "DECLINED", updatedAt: at })
      .where(and(eq(autoPolicies.id, policyId), eq(autoPolicies.status, "PENDING"))),
    auditInsert(db, {
      entityType: "customer",
      entityId: customerId,
      action: "customer.rejected",
      actor: null,
      after: { customer_id: customerId, policy_id: policyId, policy_status: "DECLINED", reason },
    }),
  ]);
  return { status: "REJECTED", eventId: event.id };
}

async function commit(
  env: Env,
  db: Database,
  event: Parameters<typeof appendEvents>[1][number],
  statements: Statement[],
) {
  await runBatch(db, [...statements, ...appendEvents(db, [event])]);
  await publishEvents(env, [event]);
}
