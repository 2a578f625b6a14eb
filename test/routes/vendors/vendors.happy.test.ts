import { describe, expect, it } from "vitest";
import { listVendorsRoute } from "../../../src/routes/vendors/list";
import { putVendorRoute } from "../../../src/routes/vendors/put";
import { api, createUser, expectError, readAs } from "../../helpers";

const vendor = {
  name: "Enterprise Rent-A-Car Downtown",
  city: "Phoenix",
  state: "AZ",
  zip: "85004",
  daily_rate: 42.99,
  available_units: 5,
  available_from: "2026-01-01",
  available_until: "2030-12-31",
};

describe("rental vendors (admin)", () => {
  it("creates and replaces a vendor branch, audited, and lists it for staff", async () => {
    const admin = await createUser("admin");
    const id = `ENT-${crypto.randomUUID().slice(0, 8)}`;
    const created = await readAs(
      await api(`/api/v1/vendors/${id}`, { method: "PUT", token: admin.token, body: vendor }),
      putVendorRoute,
      200,
    );
    expect(created).toMatchObject({ id, name: vendor.name, daily_rate: 42.99, available_units: 5 });
    const replaced = await readAs(
      await api(`/api/v1/vendors/${id}`, {
        method: "PUT",
        token: admin.token,
        body: { ...vendor, daily_rate: 39, available_units: 0 },
      }),
      putVendorRoute,
      200,
    );
    expect(replaced).toMatchObject({ daily_rate: 39, available_units: 0 });
    const insurer = await createUser("insurer");
    const list = await readAs(await api("/api/v1/vendors", { token: insurer.token }), listVendorsRoute, 200);
    expect(list.vendors.find((v) => v.id === id)).toMatchObject({ daily_rate: 39 });
  });

  it.each([
    ["a vendor nobody can find (no coordinates, state or ZIP)", { ...vendor, city: null, state: null, zip: null }],
    ["a rate with fractions of a cent", { ...vendor, daily_rate: 42.999 }],
    [
      "a booking period that ends before it starts",
      { ...vendor, available_from: "2027-01-01", available_until: "2026-01-01" },
    ],
    ["an unknown field", { ...vendor, discount: 5 }],
  ])("refuses %s with 400 and stores nothing", async (_name, body) => {
    const admin = await createUser("admin");
    const id = `BAD-${crypto.randomUUID().slice(0, 8)}`;
    await expectError(
      await api(`/api/v1/vendors/${id}`, { method: "PUT", token: admin.token, body }),
      400,
      "VALIDATION_ERROR",
    );
    const list = await readAs(await api("/api/v1/vendors", { token: admin.token }), listVendorsRoute, 200);
    expect(list.vendors.some((v) => v.id === id)).toBe(false);
  });
});
