import { and, eq, gt, sql } from "drizzle-orm";
import { auditInsert } from "../audit";
import { findCustomer } from "../customers/customer-records";
import { autoPolicies, rentalBookings, rentalVendors } from "../db/schema";
import { domainEvent, type EventDetail } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import { rentalBookingIdFor, selectRentalVendor, vendorFinalizedDetail } from "../domain/rental";
import type { Statement } from "../events/event-log";
import { NO_REACTION, type Reactor } from "../events/reactor";
import { findFnolClaim, findRentalBooking } from "./claim-records";
import { allRentalVendors, toRentalVendor } from "./rental-vendors";

type Finalized = EventDetail<"Settlement.Finalized">;

/**
 * Settlement.Finalized → the rental car (the source system's vendor service): the cheapest
 * available vendor near the customer within the policy's rental coverage, for the settlement's
 * rental days → Vendor.Finalized, booked or saying why not. One booking per claim (its id derived
 * from the claim): an adjuster's later version re-selects and updates it, moving the held car if
 * the vendor changes; an older version arriving late changes nothing.
 */
export const rentalReactor: Reactor = {
  name: "rental",
  reactsTo: ["Settlement.Finalized"],
  async react(_env, db, event) {
    const detail = event.detail as Finalized;
    const [found, existing, customer] = await Promise.all([
      findFnolClaim(db, detail.claimId),
      findRentalBooking(db, detail.claimId),
      findCustomer(db, detail.customerId),
    ]);
    if (!found || !customer || customer.erasedAt) return NO_REACTION;
    if (existing && existing.settlementVersion >= detail.version) return NO_REACTION;
    const policy = await db.select().from(autoPolicies).where(eq(autoPolicies.id, found.fnol.policyId)).get();
    if (!policy) return NO_REACTION;
    // The car the claim already holds counts as available to it.
    const vendors = (await allRentalVendors(db)).map((row) =>
      toRentalVendor(
        existing?.booked && existing.vendorId === row.id ? { ...row, availableUnits: row.availableUnits + 1 } : row,
      ),
    );
    const selection = selectRentalVendor({
      customerLocation: { city: customer.city, state: customer.state, zip: customer.zip },
      coverage: { dailyCapCents: policy.rentalDailyCapCents, maxDays: policy.rentalMaxDays },
      rentalDaysNeeded: detail.rental_days,
      startDate: event.time.slice(0, 10),
      vendors,
    });
    if (!selection.ok) throw new Error(selection.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    const decision = selection.value;
    const at = new Date().toISOString();
    const booking = {
      booked: decision.booked,
      vendorId: decision.booked ? decision.offer.vendor.id : null,
      vendorName: decision.booked ? decision.offer.vendor.name : null,
      dailyRateCents: decision.booked ? decision.dailyRateCents : null,
      days: decision.booked ? decision.days : 0,
      totalCents: decision.booked ? decision.totalCents : null,
      reason: decision.booked ? null : decision.reason,
      settlementVersion: detail.version,
      updatedAt: at,
    };
    const statements: Statement[] = [
      db
        .insert(rentalBookings)
        .values({
          id: await rentalBookingIdFor(detail.claimId),
          claimId: detail.claimId,
          customerId: detail.customerId,
          createdAt: at,
          ...booking,
        })
        .onConflictDoUpdate({ target: rentalBookings.claimId, set: booking }),
    ];
    const heldBefore = existing?.booked ? existing.vendorId : null;
    if (heldBefore !== booking.vendorId) {
      if (heldBefore) {
        statements.push(
          db
            .update(rentalVendors)
            .set({ availableUnits: sql`${rentalVendors.availableUnits} + 1`, updatedAt: at })
            .where(eq(rentalVendors.id, heldBefore)),
        );
      }
      if (booking.vendorId) {
        statements.push(
          db
            .update(rentalVendors)
            .set({ availableUnits: sql`${rentalVendors.availableUnits} - 1`, updatedAt: at })
            .where(and(eq(rentalVendors.id, booking.vendorId), gt(rentalVendors.availableUnits, 0))),
        );
      }
    }
    statements.push(
      auditInsert(db, {
        entityType: "claim",
        entityId: detail.claimId,
        action: existing ? "claim.fnol_rental_revised" : "claim.fnol_rental_finalized",
        actor: null,
        before: existing ? { vendor_id: existing.vendorId, days: existing.days } : undefined,
        after: {
          vendor_id: booking.vendorId,
          days: booking.days,
          reason: booking.reason,
          settlement_version: detail.version,
        },
      }),
    );
    const vendorEvent = domainEvent(
      "Vendor.Finalized",
      await eventIdFor(detail.settlementId, "Vendor.Finalized"),
      vendorFinalizedDetail(decision, {
        claimId: detail.claimId,
        customerId: detail.customerId,
        totalLoss: detail.total_loss,
      }),
      at,
    );
    return { statements, events: [vendorEvent] };
  },
};
