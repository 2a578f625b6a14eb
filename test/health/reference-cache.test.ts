import { describe, expect, it } from "vitest";
import {
  cachedReference,
  forgetReferenceData,
  REFERENCE_TTL_MS,
  rememberReference,
} from "../../src/claims/health/reference-cache";

describe("reference-data cache", () => {
  it("serves a value, including 'not found', until its time is up or it is cleared", () => {
    rememberReference("provider:X", null, 1_000);
    expect(cachedReference("provider:X", 1_000 + REFERENCE_TTL_MS - 1)).toEqual({ hit: true, value: null });
    expect(cachedReference("provider:X", 1_000 + REFERENCE_TTL_MS)).toEqual({ hit: false });
    rememberReference("provider:Y", { status: "ACTIVE" }, 5_000);
    forgetReferenceData();
    expect(cachedReference("provider:Y", 5_001)).toEqual({ hit: false });
  });
});
