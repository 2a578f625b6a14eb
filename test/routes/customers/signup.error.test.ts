import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signupBody } from "../../customers/signup-body";
import { api, expectError, uniqueIp, validationIssues } from "../../helpers";

const customerCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM customers").first<{ n: number }>())!.n;

describe("POST /customers refuses", () => {
  it.each([
    ["a malformed SSN", { ssn: "12-345-6789" }, "ssn"],
    ["an SSN never issued", { ssn: "000-00-0000" }, "ssn"],
    ["a VIN with a wrong check digit", { vin: "1HGCF86471A130849", year: 2001 }, "vehicle.vin"],
    ["a VIN of the wrong length", { vin: "1HGCF86461A13084" }, "vehicle.vin"],
    ["a VIN with an O", { vin: "1HGCF8646OA130849" }, "vehicle.vin"],
    ["a VIN of another model year", { vin: "1HGCF86461A130849", year: 2010 }, "vehicle.vin"],
  ])("%s, naming the field, and writes nothing", async (_name, overrides, path) => {
    const before = await customerCount();
    const res = await api("/api/v1/customers", { method: "POST", body: signupBody(overrides), ip: uniqueIp() });
    const body = await expectError(res, 400, "VALIDATION_ERROR");
    expect(validationIssues(body).map((i) => i.path)).toContain(path ? `body.${path}` : "body");
    expect(await customerCount()).toBe(before);
  });

  it.each([
    [
      "an unknown state",
      (b: ReturnType<typeof signupBody>) => ({ ...b, address: { ...b.address, state: "XX" } }),
      "address.state",
    ],
    [
      "a bad ZIP",
      (b: ReturnType<typeof signupBody>) => ({ ...b, address: { ...b.address, zip: "8500" } }),
      "address.zip",
    ],
    [
      "a car from the future",
      (b: ReturnType<typeof signupBody>) => ({ ...b, vehicle: { ...b.vehicle, year: 2100 } }),
      "vehicle.year",
    ],
    [
      "negative mileage",
      (b: ReturnType<typeof signupBody>) => ({ ...b, vehicle: { ...b.vehicle, mileage: -1 } }),
      "vehicle.mileage",
    ],
    ["a short password", (b: ReturnType<typeof signupBody>) => ({ ...b, password: "short" }), "password"],
    ["an unknown field", (b: ReturnType<typeof signupBody>) => ({ ...b, role: "admin" }), ""],
    ["a missing vehicle", ({ vehicle: _v, ...b }: ReturnType<typeof signupBody>) => b, "vehicle"],
  ])("%s", async (_name, change, path) => {
    const res = await api("/api/v1/customers", { method: "POST", body: change(signupBody()), ip: uniqueIp() });
    const body = await expectError(res, 400, "VALIDATION_ERROR");
    expect(validationIssues(body).map((i) => i.path)).toContain(path ? `body.${path}` : "body");
  });

  it("a second account with the same email (409), keeping the first intact", async () => {
    const body = signupBody();
    expect((await api("/api/v1/customers", { method: "POST", body, ip: uniqueIp() })).status).toBe(202);
    const before = await customerCount();
    const again = await api("/api/v1/customers", {
      method: "POST",
      body: { ...signupBody(), email: body.email.toUpperCase() },
      ip: uniqueIp(),
    });
    await expectError(again, 409, "CONFLICT");
    expect(await customerCount()).toBe(before);
  });

  it("more signups from one address than the limit (429 with Retry-After)", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await api("/api/v1/customers", { method: "POST", body: { nonsense: true }, ip });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toBe("60");
        await expectError(res, 429, "RATE_LIMITED");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(10);
  });
});
