import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { DETAIL_TYPES } from "../../../src/domain/events/catalog";
import { listEventsRoute } from "../../../src/routes/events/list";
import { getEventReportRoute } from "../../../src/routes/reports/events/get";
import { acceptedCustomer, allDelivered } from "../../customers/journey";
import { api, createUser, expectError, readAs } from "../../helpers";

describe("GET /events", () => {
  it("pages a customer's own log in order; `after` continues where a page ended", async () => {
    const customer = await acceptedCustomer();
    await allDelivered(customer.customerId);
    const all = await readAs(await api("/api/v1/events", { token: customer.token }), listEventsRoute, 200);
    expect(all.events.map((e) => e["detail-type"])).toEqual(["Customer.Submitted", "Customer.Accepted"]);
    expect(all.next_after).toBeNull();
    expect(all.events[0]).toMatchObject({ version: "0", source: "signup.service" });

    const first = await readAs(await api("/api/v1/events?limit=1", { token: customer.token }), listEventsRoute, 200);
    expect(first.events).toHaveLength(1);
    const rest = await readAs(
      await api(`/api/v1/events?after=${first.next_after}`, { token: customer.token }),
      listEventsRoute,
      200,
    );
    expect([...first.events, ...rest.events].map((e) => e.id)).toEqual(all.events.map((e) => e.id));
  });

  it("lets staff filter by customer and detail-type", async () => {
    const [a, b] = [await acceptedCustomer(), await acceptedCustomer()];
    const insurer = await createUser("insurer");
    const one = await readAs(
      await api(`/api/v1/events?customer_id=${a.customerId}&detail_type=Customer.Accepted`, { token: insurer.token }),
      listEventsRoute,
      200,
    );
    expect(one.events.map((e) => [e["detail-type"], e.detail.customerId])).toEqual([
      ["Customer.Accepted", a.customerId],
    ]);
    const accepted = await readAs(
      await api("/api/v1/events?detail_type=Customer.Accepted&limit=500", { token: insurer.token }),
      listEventsRoute,
      200,
    );
    const customers = accepted.events.map((e) => e.detail.customerId);
    expect(customers).toEqual(expect.arrayContaining([a.customerId, b.customerId]));
  });

  it("refuses an unknown `after` and an unknown detail-type", async () => {
    const customer = await acceptedCustomer();
    await expectError(
      await api(`/api/v1/events?after=${crypto.randomUUID()}`, { token: customer.token }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api("/api/v1/events?detail_type=Claim.Paid", { token: customer.token }),
      400,
      "VALIDATION_ERROR",
    );
  });
});

describe("GET /reports/events", () => {
  it("counts events per detail-type per hour and per day", async () => {
    const customer = await acceptedCustomer();
    await allDelivered(customer.customerId);
    const admin = await createUser("admin");
    const hourly = await readAs(await api("/api/v1/reports/events", { token: admin.token }), getEventReportRoute, 200);
    expect(hourly.bucket).toBe("hour");
    expect(hourly.totals["Customer.Submitted"]).toBeGreaterThanOrEqual(1);
    expect(hourly.totals["Customer.Accepted"]).toBeGreaterThanOrEqual(1);
    const hour = hourly.series.at(-1)!;
    expect(hour.period).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);
    expect(hour.total).toBe(Object.values(hour.counts).reduce((a, b) => a + b, 0));

    const daily = await readAs(
      await api("/api/v1/reports/events?bucket=day&detail_type=Customer.Accepted", { token: admin.token }),
      getEventReportRoute,
      200,
    );
    expect(Object.keys(daily.totals)).toEqual(["Customer.Accepted"]);
    expect(daily.series.at(-1)!.period).toMatch(/T00:00:00Z$/);
  });

  it("refuses a reversed or too long range", async () => {
    const admin = await createUser("admin");
    await expectError(
      await api("/api/v1/reports/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", { token: admin.token }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api("/api/v1/reports/events?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", { token: admin.token }),
      400,
      "VALIDATION_ERROR",
    );
  });
});

describe("the event catalog", () => {
  it("is an AsyncAPI 3.0 document generated from the event schemas, linked from the API docs", async () => {
    const res = await api("/api/v1/asyncapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      asyncapi: string;
      components: {
        messages: Record<string, { name: string; "x-source": string; "x-consumers": string[] }>;
        schemas: Record<string, { properties: Record<string, { properties?: Record<string, unknown> }> }>;
      };
      channels: { customerEvents: { address: string } };
    };
    expect(doc.asyncapi).toBe("3.0.0");
    expect(
      Object.values(doc.components.messages)
        .map((m) => m.name)
        .sort(),
    ).toEqual([...DETAIL_TYPES].sort());
    expect(doc.components.messages.CustomerSubmitted).toMatchObject({
      "x-source": "signup.service",
      "x-consumers": expect.arrayContaining(["onboarding", "notifications"]),
    });
    expect(doc.components.messages.DocumentProcessed!["x-consumers"]).toContain("document-fraud");
    expect(doc.channels.customerEvents.address).toBe("/api/v1/events/stream");
    const accepted = doc.components.schemas.CustomerAccepted!.properties.detail!.properties!;
    expect(Object.keys(accepted)).toEqual(
      expect.arrayContaining(["customerId", "driversLicenseImageUrl", "carImageUrl"]),
    );

    const openapi = (await (await api("/api/v1/openapi.json")).json()) as { info: { description: string } };
    expect(openapi.info.description).toContain("/api/v1/asyncapi.json");
  });
});

describe("GET /dev/outbox", () => {
  it("exists only where DEV_ROUTES is set", async () => {
    const admin = await createUser("admin");
    expect((await api("/api/v1/dev/outbox", { token: admin.token })).status).toBe(200);
    const production = { ...env, DEV_ROUTES: undefined };
    const res = await createApp().fetch(
      new Request("http://claimsedge.test/api/v1/dev/outbox", { headers: { authorization: `Bearer ${admin.token}` } }),
      production,
      createExecutionContext(),
    );
    await expectError(res, 404, "NOT_FOUND");
  });
});
