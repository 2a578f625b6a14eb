import { describe, expect, it } from "vitest";
import { CsvError, parseCsvRows } from "../../src/csv";
import { isCalendarDate, isCentAmount, isPrintableLine, isPrintableText } from "../../src/domain/input-rules";
import { toCents } from "../../src/domain/money";

describe("ids and names", () => {
  it.each([
    ["M123", true],
    ["Jean-Luc O'Neill", true],
    ["Zoë Ångström 李", true],
    ["M\u0000123", false],
    ["tab\there", false],
    ["new\nline", false],
    ["bell\u0007", false],
    ["DEL\u007f", false],
    ["C1 \u0085 next-line", false],
    ["right-to-left \u202e override", false],
    ["isolate \u2066 x \u2069", false],
    ["lone \ud800 surrogate", false],
    ["paired \ud83d\ude97 surrogates", true],
  ])("%j → %s", (text, printable) => {
    expect(isPrintableLine(text)).toBe(printable);
  });

  it("free text keeps tabs and line breaks, nothing else", () => {
    expect(isPrintableText("line one\r\nline two\tend")).toBe(true);
    expect(isPrintableText("nul \u0000")).toBe(false);
    expect(isPrintableText("escape \u001b[31m")).toBe(false);
  });
});

describe("amounts", () => {
  it.each([
    [15000, 1_500_000],
    [0.01, 1],
    [0, 0],
    [19.99, 1999],
    [0.001, undefined],
    [1e-320, undefined],
    [5e-324, undefined],
    [-1e-320, undefined],
    [0.004, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])("%d → %s cents", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
    expect(isCentAmount(amount)).toBe(cents !== undefined);
  });
});

describe("dates", () => {
  it.each([
    ["2014-10-17", true],
    ["17/10/2014", true],
    ["2015-01-25T10:00:00Z", true],
    ["29/02/2016", true],
    ["29/02/2015", false],
    ["31/04/2015", false],
    ["17/13/2014", false],
    ["2014-00-10", false],
    ["00/10/2014", false],
    ["1850-01-01", false],
    ["2015-01-25Tnonsense", false],
    ["yesterday", false],
  ])("%s → %s", (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });
});

describe("CSV rows", () => {
  it("number each record by the line it starts on, across quoted line breaks, CRLF and blank lines", () => {
    const rows = parseCsvRows('a,b\r\n"multi\r\nline\nfield",1\n\nx,"y"\n');
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["multi\r\nline\nfield", "1"] },
      { line: 6, fields: ["x", "y"] },
    ]);
  });

  it("stop at a field or a row beyond the limits, naming the line", () => {
    const limits = { maxFieldChars: 10, maxColumns: 3 };
    expect(() => parseCsvRows(`a\n${"x".repeat(11)}\n`, limits)).toThrow(
      new CsvError("a field is longer than 10 characters", 2),
    );
    expect(() => parseCsvRows(`a\n"${"x".repeat(6)}""${"y".repeat(6)}"\n`, limits)).toThrow(/line 2/);
    expect(() => parseCsvRows("a\nb\n1,2,3,4\n", limits)).toThrow(new CsvError("more than 3 columns", 3));
    expect(() => parseCsvRows('a\n"open\n\nstill open', limits)).toThrow(new CsvError("unterminated quoted field", 2));
  });
});
