import { describe, expect, it } from "vitest";
import { checkSsn } from "../../src/domain/customers/ssn";
import { checkVin, vinCheckDigit, vinModelYears } from "../../src/domain/customers/vin";

describe("checkVin", () => {
  it.each([
    ["1HGCF86461A130849", 2001, "1HGCF86461A130849"],
    ["1m8gdm9axkp042788", undefined, "1M8GDM9AXKP042788"],
    ["JH4KA7561PC008269", 1993, "JH4KA7561PC008269"],
    ["WBA3A5C57CF256651", 2012, "WBA3A5C57CF256651"],
    ["1HG CF86461 A130849", 2001, "1HGCF86461A130849"],
    ["1HGCF864-61A130849", 2031, "1HGCF86461A130849"],
  ])("accepts %s (model year %s)", (raw, year, vin) => {
    expect(checkVin(raw, year)).toEqual({ ok: true, vin });
  });

  it.each([
    ["1HGCF86461A13084", undefined, "must be 17 characters (got 16)"],
    ["1HGCF86461A1308490", undefined, "must be 17 characters (got 18)"],
    ["1HGCF8646IA130849", undefined, "must not contain the letters I, O or Q"],
    ["1HGCF86461O130849", undefined, "must not contain the letters I, O or Q"],
    ["QHGCF86461A130849", undefined, "must not contain the letters I, O or Q"],
    ["1HGCF86471A130849", undefined, "check digit (9th character) does not match"],
    ["1HGCF8646_A130849", undefined, "may contain only letters and digits"],
    ["1HGCF86461A130849", 2005, "encodes model year 2001 or 2031, not 2005"],
  ])("refuses %s (model year %s): %s", (raw, year, reason) => {
    expect(checkVin(raw, year)).toEqual({ ok: false, reason });
  });

  it("computes X for a remainder of 10 and knows the 30-year cycle of position 10", () => {
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(vinModelYears("1M8GDM9AXKP042788")).toEqual([1989, 2019]);
    expect(vinModelYears("1M8GDM9AX0P042788")).toBeUndefined();
  });
});

describe("checkSsn", () => {
  it.each([
    ["123-45-6789", "123456789"],
    ["123 45 6789", "123456789"],
    ["665123456", "665123456"],
    [" 001-01-0001 ", "001010001"],
  ])("accepts %s", (raw, digits) => {
    expect(checkSsn(raw)).toEqual({ ok: true, digits, last4: digits.slice(5) });
  });

  it.each([
    ["000000000", "area number 000 is never issued"],
    ["666-12-3456", "area number 666 is never issued"],
    ["912-34-5678", "area number 912 is never issued"],
    ["123-00-4567", "group number 00 is never issued"],
    ["123-45-0000", "serial number 0000 is never issued"],
    ["078-05-1120", "this number was voided by the SSA"],
    ["12345678", "must be nine digits (123-45-6789)"],
    ["123-456-789", "must be nine digits (123-45-6789)"],
    ["abc-de-fghi", "must be nine digits (123-45-6789)"],
  ])("refuses %s: %s", (raw, reason) => {
    expect(checkSsn(raw)).toEqual({ ok: false, reason });
  });
});
