import { describe, expect, it } from "vitest";
import { claimEtag, parseIfMatch, requiredVersion } from "../../src/domain/claims/claim-version";

describe("If-Match on claims", () => {
  it.each([
    [undefined, { kind: "absent" }],
    ["", { kind: "absent" }],
    ["*", { kind: "any" }],
    ['"3"', { kind: "versions", versions: [3] }],
    ['W/"3"', { kind: "versions", versions: [3] }],
    ['"3", "4"', { kind: "versions", versions: [3, 4] }],
  ])("%j → %j", (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });

  it.each(["3", '"three"', '"3', '"-1"', '"3",,', `"${"9".repeat(16)}"`, "x".repeat(600)])("refuses %j", (header) => {
    expect(parseIfMatch(header).kind).toBe("invalid");
  });

  it("names the version as a strong ETag and accepts only the versions listed", () => {
    expect(claimEtag(7)).toBe('"7"');
    expect(parseIfMatch(claimEtag(7))).toEqual({ kind: "versions", versions: [7] });
    expect(requiredVersion(parseIfMatch('"7"'), 7)).toEqual({ ok: true, version: 7 });
    expect(requiredVersion(parseIfMatch('"6"'), 7)).toEqual({ ok: false });
    expect(requiredVersion(parseIfMatch(undefined), 7)).toEqual({ ok: true });
    expect(requiredVersion(parseIfMatch("*"), 7)).toEqual({ ok: true });
  });
});
