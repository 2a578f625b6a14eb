import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ERASED } from "../../../src/domain/events/pseudonymise";
import { customerErasedSchema } from "../../../src/routes/customers/delete";
import { installOcrLanguageData, LICENCES, licenceImage } from "../../customers/document-fixtures";
import { acceptedCustomer, allDelivered, eventsOf, putImage, waitForEvent } from "../../customers/journey";
import { api, createUser, expectError, readBody, uniqueIp } from "../../helpers";

beforeAll(installOcrLanguageData);

describe("DELETE /customers/{id}", () => {
  it("erases the customer's images and personal data; the logs keep pseudonymised entries", async () => {
    const licence = LICENCES.michaelWilliams;
    const customer = await acceptedCustomer({ first_name: licence.first, last_name: licence.last });
    await putImage(customer.licenceUrl, licenceImage(licence.file));
    await waitForEvent(customer.customerId, "Fraud.Not.Detected");
    await allDelivered(customer.customerId);
    const eventCount = (await eventsOf(customer.customerId)).length;
    expect((await env.DOCUMENTS.list({ prefix: `customers/${customer.customerId}/` })).objects).toHaveLength(1);

    const res = await api(`/api/v1/customers/${customer.customerId}`, { method: "DELETE", token: customer.token });
    const report = await readBody(res, customerErasedSchema);
    expect(report).toMatchObject({
      customer_id: customer.customerId,
      objects_deleted: 1,
      events_pseudonymised: eventCount,
    });

    expect((await env.DOCUMENTS.list({ prefix: `customers/${customer.customerId}/` })).objects).toHaveLength(0);
    const row = await env.DB.prepare("SELECT * FROM customers WHERE id = ?")
      .bind(customer.customerId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      status: "ERASED",
      first_name: null,
      last_name: null,
      email: null,
      ssn_hash: null,
      street: null,
    });
    const events = await eventsOf(customer.customerId);
    expect(events).toHaveLength(eventCount);
    const text = JSON.stringify(events);
    expect(text).not.toMatch(/MICHAEL|WILLIAMS|908393596|\/api\/v1\/uploads\//);
    const processed = events.find((e) => e.detail_type === "Document.Processed")!;
    expect((processed.detail.analyzedFieldAndValues as Record<string, string>).LAST_NAME).toBe(ERASED);
    const emails = await env.DB.prepare("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?")
      .bind(customer.customerId)
      .first();
    expect(emails).toEqual({ n: 0 });
    const audit = await env.DB.prepare("SELECT action, after FROM audit_events WHERE entity_id = ? ORDER BY id")
      .bind(customer.customerId)
      .all<{ action: string; after: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["customer.signed_up", "customer.accepted", "customer.erased"]);
    expect(JSON.stringify(audit.results)).not.toMatch(/Michael|Williams|@claimsedge\.test/);

    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: customer.body.email, password: customer.body.password },
      ip: uniqueIp(),
    });
    await expectError(login, 401, "UNAUTHORIZED");
    // The erased customer's sessions ended with it: its token opens nothing.
    await expectError(
      await api(`/api/v1/customers/${customer.customerId}`, { token: customer.token }),
      401,
      "UNAUTHORIZED",
    );
    const admin = await createUser("admin");
    await expectError(
      await api(`/api/v1/customers/${customer.customerId}`, { method: "DELETE", token: admin.token }),
      404,
      "NOT_FOUND",
    );
  });

  it("an admin may erase any customer", async () => {
    const customer = await acceptedCustomer();
    const admin = await createUser("admin");
    const res = await api(`/api/v1/customers/${customer.customerId}`, { method: "DELETE", token: admin.token });
    expect((await readBody(res, customerErasedSchema)).status).toBe("ERASED");
  });
});
