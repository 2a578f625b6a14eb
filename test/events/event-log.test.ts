import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client";
import { domainEvent } from "../../src/domain/events/catalog";
import { eventIdFor } from "../../src/domain/events/event-id";
import { ERASED, pseudonymiseDetail } from "../../src/domain/events/pseudonymise";
import { emptyLicenceFields } from "../../src/domain/licence/fields";
import { runBatch } from "../../src/events/batch";
import { appendEvents, customerEventsAfter } from "../../src/events/event-log";

const db = () => createDatabase(env.DB);
const submitted = (customerId: string, id = crypto.randomUUID()) =>
  domainEvent("Customer.Submitted", id, { customerId, policyId: "AUT-2026-0000-0001" }, new Date().toISOString());

describe("the event log", () => {
  it("appends in order; an id already logged inserts nothing (a replay)", async () => {
    const customerId = crypto.randomUUID();
    const first = submitted(customerId);
    const second = domainEvent("Customer.Rejected", crypto.randomUUID(), { customerId, reason: "test" }, first.time);
    await runBatch(db(), appendEvents(db(), [first, second]));
    await runBatch(db(), appendEvents(db(), [first]));
    const logged = await customerEventsAfter(db(), customerId, 0, 10);
    expect(logged.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(logged[1]!.seq).toBeGreaterThan(logged[0]!.seq);
    const delivery = await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?")
      .bind(first.id)
      .first();
    expect(delivery).toEqual({ status: "PENDING" });
  });

  it("refuses UPDATE and DELETE", async () => {
    const event = submitted(crypto.randomUUID());
    await runBatch(db(), appendEvents(db(), [event]));
    await expect(
      env.DB.prepare("UPDATE domain_events SET detail_type = 'Customer.Accepted' WHERE id = ?").bind(event.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.DB.prepare("UPDATE domain_events SET detail = '{}' WHERE id = ?").bind(event.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM domain_events WHERE id = ?").bind(event.id).run()).rejects.toThrow(
      /append-only/,
    );
  });

  it("allows an erasure's pseudonymisation once, and nothing else with it", async () => {
    const event = submitted(crypto.randomUUID());
    await runBatch(db(), appendEvents(db(), [event]));
    const at = new Date().toISOString();
    await expect(
      env.DB.prepare("UPDATE domain_events SET detail = '{}', pseudonymised_at = ?, customer_id = 'x' WHERE id = ?")
        .bind(at, event.id)
        .run(),
    ).rejects.toThrow(/append-only/);
    await env.DB.prepare("UPDATE domain_events SET detail = '{}', pseudonymised_at = ? WHERE id = ?")
      .bind(at, event.id)
      .run();
    await expect(
      env.DB.prepare("UPDATE domain_events SET detail = '{\"again\":1}', pseudonymised_at = ? WHERE id = ?")
        .bind(at, event.id)
        .run(),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses an event whose detail the catalog does not describe", () => {
    expect(() =>
      domainEvent("Customer.Submitted", crypto.randomUUID(), { customerId: "c" } as never, new Date().toISOString()),
    ).toThrow(/invalid Customer.Submitted detail/);
    expect(() =>
      domainEvent(
        "Fraud.Detected",
        crypto.randomUUID(),
        { customerId: "c", recordId: "r", documentType: "CAR", fraudType: "GUESS", fraudReason: "x" } as never,
        new Date().toISOString(),
      ),
    ).toThrow();
  });
});

describe("event ids of replayable steps", () => {
  it("are UUID-shaped, the same for the same business key and step, different otherwise", async () => {
    const a = await eventIdFor("customer-1", "Customer.Accepted");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await eventIdFor("customer-1", "Customer.Accepted")).toBe(a);
    expect(await eventIdFor("customer-1", "Customer.Rejected")).not.toBe(a);
    expect(await eventIdFor("customer-2", "Customer.Accepted")).not.toBe(a);
  });
});

describe("pseudonymiseDetail", () => {
  it("erases every licence value and the upload URLs, keeps ids, leaves car analyses alone", () => {
    const fields = { ...emptyLicenceFields(), FIRST_NAME: "JELANI", LAST_NAME: "CHEN", DOCUMENT_NUMBER: "B27" };
    const licence = pseudonymiseDetail("Document.Processed", {
      customerId: "c",
      recordId: "r",
      documentType: "DRIVERS_LICENSE",
      analyzedFieldAndValues: fields,
    });
    expect(licence).toMatchObject({ customerId: "c", recordId: "r" });
    const erased = licence.analyzedFieldAndValues as Record<string, string>;
    expect(erased.FIRST_NAME).toBe(ERASED);
    expect(erased.DOCUMENT_NUMBER).toBe(ERASED);
    expect(erased.MIDDLE_NAME).toBe("");
    expect(JSON.stringify(licence)).not.toMatch(/JELANI|CHEN|B27/);

    const car = { customerId: "c", recordId: "r", documentType: "CAR", analyzedFieldAndValues: { type: "signup" } };
    expect(pseudonymiseDetail("Document.Processed", car)).toEqual(car);
    expect(
      pseudonymiseDetail("Customer.Accepted", { customerId: "c", driversLicenseImageUrl: "u1", carImageUrl: "u2" }),
    ).toEqual({ customerId: "c", driversLicenseImageUrl: ERASED, carImageUrl: ERASED });
  });
});
