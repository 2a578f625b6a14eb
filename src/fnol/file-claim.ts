import { auditInsert } from "../audit";
import type { CurrentUser } from "../auth/current-user";
import { findCustomer } from "../customers/customer-records";
import type { Database } from "../db/client";
import { claims, fnolClaims } from "../db/schema";
import { domainEvent } from "../domain/events/catalog";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import { appendEvents } from "../events/event-log";
import { publishEvents } from "../events/publish";

/** The source system's claim body (camelCase, as the app sends it), after validation. */
export interface ClaimSubmission {
  incident: {
    occurrenceDateTime: string;
    fnolDateTime: string;
    location: { country: string; state: string; city: string; zip: string; road: string };
    description: string;
  };
  policy: { id: string };
  personalInformation: {
    customerId: string;
    driversLicenseNumber: string;
    isInsurerDriver: boolean;
    licensePlateNumber: string;
    numberOfPassengers: number;
  };
  policeReport: { isFiled: boolean; reportOrReceiptAvailable: boolean };
  otherParty: { insuranceId: string; insuranceCompany: string; firstName: string; lastName: string };
}

/**
 * Records a first notice of loss (claims row, its facts, the audit entry and Claim.Requested in one
 * batch); the claim Workflow, started by the event's reactor, decides it. Only an accepted
 * customer with a verified email may file, and only for itself.
 */
export async function fileClaim(
  env: Env,
  db: Database,
  user: CurrentUser,
  submission: ClaimSubmission,
  requestId: string,
): Promise<{ claimId: string; publishing: Promise<void> }> {
  const customer = await findCustomer(db, user.customerId ?? "");
  if (!customer || customer.erasedAt) throw new ApiError("FORBIDDEN", "Only a customer can file a claim");
  if (submission.personalInformation.customerId !== customer.id) {
    throw new ApiError("VALIDATION_ERROR", "personalInformation.customerId must be your own customer id", {
      details: { issues: [{ path: "personalInformation.customerId", message: "not the caller's customer id" }] },
    });
  }
  if (customer.status !== "ACCEPTED") {
    throw new ApiError("CONFLICT", "Claims can be filed once the signup is accepted", {
      details: { status: customer.status },
    });
  }
  if (!customer.emailVerifiedAt) {
    throw new ApiError("FORBIDDEN", "Verify your email (POST /customers/verify) before filing a claim");
  }
  const claimId = crypto.randomUUID();
  const at = new Date().toISOString();
  const requested = domainEvent("Claim.Requested", crypto.randomUUID(), { customerId: customer.id, claimId }, at);
  await runBatch(db, [
    db.insert(claims).values({
      id: claimId,
      channel: "fnol",
      status: "PENDING",
      ownerUserId: user.id,
      customerId: customer.id,
      policyNumber: submission.policy.id,
      serviceDate: submission.incident.occurrenceDateTime.slice(0, 10),
      createdAt: at,
      updatedAt: at,
    }),
    db.insert(fnolClaims).values({
      claimId,
      customerId: customer.id,
      policyId: submission.policy.id,
      occurrenceAt: submission.incident.occurrenceDateTime,
      fnolAt: submission.incident.fnolDateTime,
      driversLicenseNumber: submission.personalInformation.driversLicenseNumber,
      submission: submission as unknown as Record<string, unknown>,
      stage: "REQUESTED",
      createdAt: at,
      updatedAt: at,
    }),
    auditInsert(db, {
      entityType: "claim",
      entityId: claimId,
      action: "claim.fnol_requested",
      actor: { id: user.id, role: user.role },
      after: { claim_id: claimId, customer_id: customer.id, policy_id: submission.policy.id, stage: "REQUESTED" },
      requestId,
    }),
    ...appendEvents(db, [requested]),
  ]);
  return { claimId, publishing: publishEvents(env, [requested]) };
}
