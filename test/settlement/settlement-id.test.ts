import { describe, expect, it } from "vitest";
import { rentalBookingIdFor } from "../../src/domain/rental/rental-booking-id";
import { settlementIdFor } from "../../src/domain/settlement/settlement-id";
import { uuidV5 } from "../../src/domain/settlement/uuid-v5";

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

describe("uuidV5", () => {
  it.each<[string, string]>([
    // Published version-5 examples for the DNS namespace.
    ["www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2"],
    ["python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"],
  ])("matches the published id of %s", async (name, id) => {
    expect(await uuidV5(DNS_NAMESPACE, name)).toBe(id);
  });

  it("refuses a namespace that is not a UUID", async () => {
    await expect(uuidV5("not-a-uuid", "x")).rejects.toThrow(TypeError);
  });
});

describe("settlementIdFor", () => {
  it("gives a replayed step the same id and another version or claim another id", async () => {
    const first = await settlementIdFor("claim-1", 1);
    expect(await settlementIdFor("claim-1", 1)).toBe(first);
    expect(await settlementIdFor("claim-1", 2)).not.toBe(first);
    expect(await settlementIdFor("claim-2", 1)).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps claim ids that share a prefix apart", async () => {
    expect(await settlementIdFor("claim-1", 11)).not.toBe(await settlementIdFor("claim-11", 1));
  });

  it.each([0, -1, 1.5])("refuses version %s", async (version) => {
    expect(() => settlementIdFor("claim-1", version)).toThrow(RangeError);
  });

  it("gives a claim one rental booking id, apart from its settlement ids", async () => {
    expect(await rentalBookingIdFor("claim-1")).toBe(await rentalBookingIdFor("claim-1"));
    expect(await rentalBookingIdFor("claim-1")).not.toBe(await settlementIdFor("claim-1", 1));
  });
});
