import { auditInsert } from "../audit";
import { hashPassword } from "../auth/password";
import type { Database } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { autoPolicies, customers, users, vehicles } from "../db/schema";
import { autoPolicyId, DEFAULT_AUTO_PRODUCT, policyPeriod } from "../domain/customers/auto-policy";
import { domainEvent } from "../domain/events/catalog";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import { appendEvents } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { piiHash } from "./pii-hash";

export interface SignupInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** The nine digits, already checked. */
  ssnDigits: string;
  address: { street: string; city: string; state: string; zip: string };
  vehicle: { make: string; model: string; color: string; type: string; year: number; mileage: number; vin: string };
}

export interface SignupResult {
  customerId: string;
  policyId: string;
  userId: string;
  publishing: Promise<void>;
}

/**
 * Creates the customer user, the customer, the car and its policy (pending screening) and
 * Customer.Submitted in one batch; screening, the verification email and the upload URLs follow
 * from that event. The SSN is kept only as a keyed hash and its last four digits.
 */
export async function signUpCustomer(
  env: Env,
  db: Database,
  input: SignupInput,
  context: { origin: string; requestId: string },
): Promise<SignupResult> {
  const now = new Date();
  const at = now.toISOString();
  const customerId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const vehicleId = crypto.randomUUID();
  const policyId = autoPolicyId(now, crypto.getRandomValues(new Uint8Array(5)));
  const period = policyPeriod(now, DEFAULT_AUTO_PRODUCT);
  const submitted = domainEvent("Customer.Submitted", crypto.randomUUID(), { customerId, policyId }, at);

  const statements = [
    db.insert(users).values({
      id: userId,
      email: input.email,
      passwordHash: await hashPassword(input.password),
      firstName: input.firstName,
      lastName: input.lastName,
      role: "customer",
      customerId,
      createdAt: at,
    }),
    db.insert(customers).values({
      id: customerId,
      userId,
      status: "SUBMITTED",
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      ssnHash: await piiHash(env.PII_HASH_KEY, "ssn", input.ssnDigits),
      ssnLast4: input.ssnDigits.slice(5),
      street: input.address.street,
      city: input.address.city,
      state: input.address.state,
      zip: input.address.zip,
      apiOrigin: context.origin,
      createdAt: at,
      updatedAt: at,
    }),
    db.insert(vehicles).values({ id: vehicleId, customerId, ...input.vehicle, createdAt: at }),
    db.insert(autoPolicies).values({
      id: policyId,
      customerId,
      vehicleId,
      vin: input.vehicle.vin,
      product: DEFAULT_AUTO_PRODUCT.code,
      status: "PENDING",
      ...period,
      collisionDeductibleCents: DEFAULT_AUTO_PRODUCT.collisionDeductibleCents,
      rentalDailyCapCents: DEFAULT_AUTO_PRODUCT.rentalDailyCapCents,
      rentalMaxDays: DEFAULT_AUTO_PRODUCT.rentalMaxDays,
      color: input.vehicle.color,
      createdAt: at,
      updatedAt: at,
    }),
    // The audit trail holds ids only: an erasure leaves nothing personal in it.
    auditInsert(db, {
      entityType: "customer",
      entityId: customerId,
      action: "customer.signed_up",
      actor: { id: userId, role: "customer" },
      after: {
        customer_id: customerId,
        policy_id: policyId,
        vehicle_id: vehicleId,
        product: DEFAULT_AUTO_PRODUCT.code,
      },
      requestId: context.requestId,
    }),
    ...appendEvents(db, [submitted]),
  ];
  try {
    await runBatch(db, statements);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("CONFLICT", "An account with this email already exists");
    throw error;
  }
  return { customerId, policyId, userId, publishing: publishEvents(env, [submitted]) };
}
