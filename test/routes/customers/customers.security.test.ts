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
