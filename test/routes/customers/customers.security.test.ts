import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { acceptedCustomer } from "../../customers/journey";
import { api, createUser, expectError } from "../../helpers";

describe("customers see only themselves", () => {
  it("GET and DELETE /customers/{id} of another customer answer 404, as for no customer", async () => {
    const [mine, theirs] = await Promise.all([acceptedCustomer(), acceptedCustomer()]);
    await expectError(await api(`/api/v1/customers/${theirs.customerId}`, { token: mine.token }), 404, "NOT_FOUND");
    await expectError(
      await api(`/api/v1/customers/${theirs.customerId}`, { method: "DELETE", token: mine.token }),
      404,
      "NOT_FOUND",
    );
    expect((await api(`/api/v1/customers/${theirs.customerId}`, { token: theirs.token })).status).toBe(200);
  });

  it("a customer reads its documents' fraud verdict with what to do next, never the check's type or reasons", async () => {
    const customer = await acceptedCustomer();
    const documentId = crypto.randomUUID();
    // The document-fraud reactor's verdict on a licence whose name does not match the signup.
    await env.DB.prepare(
      `INSERT INTO customer_documents (id, customer_id, document_type, content_type, bytes, status, fraud_verdict, fraud_type, fraud_reason, uploaded_at, processed_at)
       VALUES (?, ?, 'DRIVERS_LICENSE', 'image/jpeg', 1000, 'PROCESSED', 'DETECTED', 'DOCUMENT', 'The name on the licence (JOHN ROE) does not match the signup', ?, ?)`,
    )
      .bind(documentId, customer.customerId, new Date().toISOString(), new Date().toISOString())
      .run();
    const read = async (token: string) => {
      const res = await api(`/api/v1/customers/${customer.customerId}`, { token });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { documents: Record<string, unknown>[] };
      return { text: JSON.stringify(body), document: body.documents.find((d) => d.document_id === documentId)! };
    };
    const own = await read(customer.token);
    expect(own.document).toMatchObject({
      fraud_verdict: "DETECTED",
      notice: expect.stringContaining("driver's license"),
    });
    expect(Object.keys(own.document)).not.toEqual(expect.arrayContaining(["fraud_type"]));
    expect(Object.keys(own.document)).not.toEqual(expect.arrayContaining(["fraud_reason"]));
    expect(own.text).not.toMatch(/JOHN ROE|does not match|fraud_reason|fraud_type/);

    const staff = await read((await createUser("insurer")).token);
    expect(staff.document).toMatchObject({ fraud_type: "DOCUMENT", fraud_reason: expect.stringContaining("JOHN ROE") });
  });

  it("an adjuster reads a customer but may not erase one", async () => {
    const customer = await acceptedCustomer();
    const insurer = await createUser("insurer");
    expect((await api(`/api/v1/customers/${customer.customerId}`, { token: insurer.token })).status).toBe(200);
    await expectError(
      await api(`/api/v1/customers/${customer.customerId}`, { method: "DELETE", token: insurer.token }),
      403,
      "FORBIDDEN",
    );
  });

  it("the event log is scoped: a customer's `after` cannot name another customer's event, and filters are staff's", async () => {
    const [mine, theirs] = await Promise.all([acceptedCustomer(), acceptedCustomer()]);
    const res = await api(`/api/v1/events?customer_id=${theirs.customerId}`, { token: mine.token });
    const { events } = (await res.json()) as { events: { detail: { customerId: string } }[] };
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.detail.customerId === mine.customerId)).toBe(true);
  });
});
