import { and, eq, isNull } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { CurrentUser } from "../auth/current-user";
import { forgetSessions } from "../auth/session-cache";
import { revokeUserSessions } from "../auth/sessions";
import type { Database } from "../db/client";
import {
  autoPolicies,
  customerDocuments,
  customers,
  domainEvents,
  emailOutbox,
  emailVerifications,
  fnolClaims,
  streamTickets,
  uploadGrants,
  users,
  vehicles,
} from "../db/schema";
import { type DetailType, isDetailType } from "../domain/events/catalog";
import { ERASED, pseudonymiseDetail } from "../domain/events/pseudonymise";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import type { Statement } from "../events/event-log";
import { eventStream } from "../events/streams";
import { findCustomer } from "./customer-records";

export interface ErasureReport {
  customerId: string;
  erasedAt: string;
  objectsDeleted: number;
  eventsPseudonymised: number;
}

/** Deletes every stored object under the customer's prefix (licence, car and damage images). */
async function deleteCustomerObjects(bucket: R2Bucket, customerId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: `customers/${customerId}/`, cursor, limit: 1000 });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
    deleted += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}

/** Replaces the personal values of the customer's logged events (the trigger allows this once per event). */
export async function pseudonymiseCustomerEvents(db: Database, customerId: string, at: string): Promise<Statement[]> {
  const events = await db
    .select({ id: domainEvents.id, detailType: domainEvents.detailType, detail: domainEvents.detail })
    .from(domainEvents)
    .where(and(eq(domainEvents.customerId, customerId), isNull(domainEvents.pseudonymisedAt)));
  return events.map((event) =>
    db
      .update(domainEvents)
      .set({
        detail: isDetailType(event.detailType)
          ? pseudonymiseDetail(event.detailType as DetailType, event.detail)
          : event.detail,
        pseudonymisedAt: at,
      })
      .where(and(eq(domainEvents.id, event.id), isNull(domainEvents.pseudonymisedAt))),
  );
}

/**
 * The customer's "clear all data": its images are deleted from R2 first (so a failure leaves
 * the customer as it was, to try again), then one batch erases its personal data — the customer
 * and user records keep only ids and statuses, documents their type and verdict, the policy is
 * cancelled — and pseudonymises its events. The audit trail never held personal data (ids only);
 * it gains the erasure. Open streams are closed.
 */
export async function eraseCustomer(
  env: Env,
  db: Database,
  customerId: string,
  actor: Pick<CurrentUser, "id" | "role">,
  requestId: string,
): Promise<ErasureReport> {
  const customer = await findCustomer(db, customerId);
  if (!customer || customer.status === "ERASED") throw new ApiError("NOT_FOUND", `Customer ${customerId} not found`);
  const objectsDeleted = await deleteCustomerObjects(env.DOCUMENTS, customerId);
  const at = new Date().toISOString();
  const eventUpdates = await pseudonymiseCustomerEvents(db, customerId, at);
  const statements: Statement[] = [
    db
      .update(customers)
      .set({
        status: "ERASED",
        firstName: null,
        lastName: null,
        email: null,
        ssnHash: null,
        ssnLast4: null,
        street: null,
        city: null,
        state: null,
        zip: null,
        rejectionReason: null,
        updatedAt: at,
        erasedAt: at,
      })
      .where(eq(customers.id, customerId)),
    db
      .update(users)
      .set({
        email: `erased-${customer.userId}@erased.invalid`,
        passwordHash: "erased",
        firstName: "",
        lastName: "",
        active: false,
        deactivatedAt: at,
      })
      .where(eq(users.id, customer.userId)),
    // The erased customer's open sessions end with it (tokens are checked against them on every request).
    revokeUserSessions(db, customer.userId, "customer erased"),
    db.update(vehicles).set({ vin: null }).where(eq(vehicles.customerId, customerId)),
    // Claims stay for the insurer's books (amounts, stages); what identifies people in them goes.
    db
      .update(fnolClaims)
      .set({ submission: { erased: true }, driversLicenseNumber: ERASED, damageAssessment: null, updatedAt: at })
      .where(eq(fnolClaims.customerId, customerId)),
    db
      .update(autoPolicies)
      .set({ status: "CANCELLED", vin: "", updatedAt: at })
      .where(eq(autoPolicies.customerId, customerId)),
    db
      .update(customerDocuments)
      .set({ status: "ERASED", analysis: null, objectKey: null, fraudReason: null, failureReason: null })
      .where(eq(customerDocuments.customerId, customerId)),
    db
      .update(uploadGrants)
      .set({ expiresAt: at })
      .where(and(eq(uploadGrants.customerId, customerId), isNull(uploadGrants.usedAt))),
    db.delete(emailVerifications).where(eq(emailVerifications.customerId, customerId)),
    db.delete(emailOutbox).where(eq(emailOutbox.customerId, customerId)),
    db.delete(streamTickets).where(eq(streamTickets.customerId, customerId)),
    auditInsert(db, {
      entityType: "customer",
      entityId: customerId,
      action: "customer.erased",
      actor,
      after: { objects_deleted: objectsDeleted, events_pseudonymised: eventUpdates.length },
      requestId,
    }),
  ];
  // D1 allows 1,000 statements an invocation: a long history is pseudonymised in its own batches first.
  const [inline, ahead] = eventUpdates.length <= 200 ? [eventUpdates, []] : [[], eventUpdates];
  for (let i = 0; i < ahead.length; i += 200) await runBatch(db, ahead.slice(i, i + 200));
  await runBatch(db, [...statements, ...inline]);
  forgetSessions({ userId: customer.userId });
  await eventStream(env, customerId)
    .closeAll("customer erased")
    .catch(() => 0);
  return { customerId, erasedAt: at, objectsDeleted, eventsPseudonymised: eventUpdates.length };
}
