import { describe, expect, it } from "vitest";
import { amountRangeOf } from "../../src/domain/reports/amount-ranges";
import { type ClaimAggregate, summariseClaims } from "../../src/domain/reports/claims-summary";
import { csvCell, csvTable } from "../../src/domain/reports/csv-table";
import { orderTrends } from "../../src/domain/reports/fraud-trends";

describe("amount bands", () => {
  it.each([
    [0, "0-5000"],
    [500_000, "0-5000"],
    [500_050, "5001-10000"],
    [1_000_000, "5001-10000"],
    [1_000_001, "10001-25000"],
    [2_500_000, "10001-25000"],
    [5_000_000, "25001-50000"],
    [10_000_000, "50001-100000"],
    [10_000_100, "100001+"],
    [null, "unknown"],
  ])("%s cents → %s", (cents, band) => {
    expect(amountRangeOf(cents)).toBe(band);
  });
});

describe("summariseClaims", () => {
  const row = (over: Partial<ClaimAggregate>): ClaimAggregate => ({
    channel: "document",
    status: "PROCESSED",
    total: 0,
    fraudulent: 0,
    fraudScoreSum: null,
    scored: 0,
    reserveCentsSum: null,
    reserved: 0,
    claimedCents: null,
    approvedCents: null,
    ...over,
  });

  it("adds groups up, weights the means by the claims that have a score or reserve, lists every status", () => {
    const summary = summariseClaims([
      row({
        total: 3,
        fraudulent: 1,
        fraudScoreSum: 1.5,
        scored: 3,
        reserveCentsSum: 30_000,
        reserved: 3,
        claimedCents: 90_000,
      }),
      row({
        status: "APPROVED",
        total: 1,
        fraudScoreSum: 0.1,
        scored: 1,
        reserveCentsSum: 50_000,
        reserved: 1,
        approvedCents: 60_000,
      }),
      row({
        channel: "health",
        status: "PARTIAL",
        total: 2,
        fraudulent: 2,
        claimedCents: 10_000,
        approvedCents: 5_000,
      }),
    ]);
    expect(summary).toMatchObject({
      total_claims: 6,
      fraudulent_count: 3,
      avg_fraud_score: 0.4,
      avg_reserve_cents: 20_000,
      claimed_cents: 100_000,
      approved_cents: 65_000,
      status_breakdown: { PENDING: 0, PROCESSING: 0, PROCESSED: 3, APPROVED: 1, PARTIAL: 2, REJECTED: 0, FAILED: 0 },
    });
    expect(summary.channels.map((c) => [c.channel, c.total_claims, c.fraudulent_count])).toEqual([
      ["health", 2, 2],
      ["document", 4, 1],
    ]);
  });

  it("has no means when nothing was scored, and zeros when there are no claims", () => {
    expect(summariseClaims([])).toMatchObject({
      total_claims: 0,
      avg_fraud_score: null,
      avg_reserve_cents: null,
      channels: [],
    });
  });
});

describe("orderTrends", () => {
  it("lists every amount band in order, unknown last, and rates to four decimals", () => {
    const trends = orderTrends("amount", [
      { key: "unknown", total: 1, fraudulent: 0 },
      { key: "5001-10000", total: 3, fraudulent: 1 },
    ]);
    expect(trends.map((t) => t.key)).toEqual([
      "0-5000",
      "5001-10000",
      "10001-25000",
      "25001-50000",
      "50001-100000",
      "100001+",
      "unknown",
    ]);
    expect(trends[1]).toEqual({ key: "5001-10000", fraud_count: 1, total_count: 3, fraud_rate: 0.3333 });
    expect(trends[0]).toEqual({ key: "0-5000", fraud_count: 0, total_count: 0, fraud_rate: 0 });
  });

  it("orders months in time and other groups by size", () => {
    expect(
      orderTrends("month", [
        { key: "2026-02", total: 1, fraudulent: 0 },
        { key: "2025-12", total: 5, fraudulent: 0 },
      ]).map((t) => t.key),
    ).toEqual(["2025-12", "2026-02"]);
    expect(
      orderTrends("region", [
        { key: "OH", total: 1, fraudulent: 0 },
        { key: "NY", total: 5, fraudulent: 0 },
        { key: "IL", total: 1, fraudulent: 0 },
      ]).map((t) => t.key),
    ).toEqual(["NY", "IL", "OH"]);
  });
});

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["@sum", "'@sum"],
    [-12.5, "-12.5"],
    [null, ""],
    [Number.NaN, ""],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("ends every line with CRLF", () => {
    expect(csvTable(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
  });
});
