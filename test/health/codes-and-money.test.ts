import { describe, expect, it } from "vitest";
import { codeMatches, isProcedureAllowed, normalizeCode } from "../../src/domain/health/codes";
import { formatCents, moneyJson, toCents } from "../../src/domain/money";

describe("codes", () => {
  it.each([
    ["s52.501a", "S52501A"],
    [" J45.909 ", "J45909"],
    ["99213", "99213"],
  ])("normalizes %s", (raw, code) => expect(normalizeCode(raw)).toBe(code));

  it.each([
    ["S52*", "S52501A", true],
    ["S52*", "S62000A", false],
    ["*", "ANY", true],
    ["D001", "D001", true],
    ["D001", "D0011", false],
  ])("pattern %s on %s → %s", (pattern, code, matches) => expect(codeMatches(pattern, code)).toBe(matches));

  it("restricts only diagnoses that rules govern", () => {
    const rules = [
      { diagnosisPattern: "S52*", procedurePattern: "2*" },
      { diagnosisPattern: "S52501A", procedurePattern: "99213" },
    ];
    expect(isProcedureAllowed("S52501A", "25600", rules)).toBe(true);
    expect(isProcedureAllowed("S52501A", "99213", rules)).toBe(true);
    expect(isProcedureAllowed("S52501A", "99214", rules)).toBe(false);
    expect(isProcedureAllowed("J45909", "99214", rules)).toBe(true);
  });
});

describe("money", () => {
  it.each<[number, number | undefined]>([
    [15000, 1_500_000],
    [0.1, 10],
    [19.99, 1999],
    [1.005, undefined],
    [12.345, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])("toCents(%s) = %s", (amount, cents) => expect(toCents(amount)).toBe(cents));

  it("renders two decimals", () => {
    expect(formatCents(1_500_000)).toBe("15000.00");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(-150)).toBe("-1.50");
    expect(JSON.stringify({ amount: moneyJson(1_500_000) })).toBe('{"amount":15000.00}');
  });
});
