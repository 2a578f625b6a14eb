import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { claimPopulation, insertPopulation, type PopulatedClaim } from "../../../scripts/lib/claim-population";
import { AMOUNT_RANGES, amountRangeOf } from "../../../src/domain/reports/amount-ranges";
import { getClaimsReportRoute } from "../../../src/routes/reports/claims/get";
import { getFraudTrendsRoute } from "../../../src/routes/reports/fraud-trends/get";
import { api, createUser, readAs, type TestUser } from "../../helpers";

let admin: TestUser;
let insurer: TestUser;
let population: PopulatedClaim[];

// The test pool shares one database across files: the population lives in its own two years, and every query names them.
const WINDOW = "start_date=2040-01-01&end_date=2041-12-31";

// The oracle: what the reports must say, computed claim by claim in JS from the rows as written.
const fraudulent = (c: PopulatedClaim) =>
  c.fraudConfirmed !== null ? c.fraudConfirmed : c.fraudFlag || (c.prediction?.isFraudulent ?? false);
const approvedCents = (c: PopulatedClaim) =>
  c.approvedAmountCents ?? (c.status === "APPROVED" ? (c.claimAmountCents ?? 0) : 0);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const cents = (amount: number) => Math.round(amount * 100);

beforeAll(async () => {
  admin = await createUser("admin");
  insurer = await createUser("insurer");
  const other = await createUser("insurer");
  population = claimPopulation(600, { seed: 11, insurerIds: [insurer.id, other.id], until: "2041-12-31T23:59:59Z" });
  await insertPopulation(env.DB, population);
});

describe("GET /api/v1/reports/claims", () => {
  it("counts every claim, fraud, mean score and reserve, statuses and channels exactly as the rows say", async () => {
    const report = await readAs(
      await api(`/api/v1/reports/claims?${WINDOW}`, { token: admin.token }),
      getClaimsReportRoute,
      200,
    );
    const scored = population.filter((c) => c.prediction);
    expect(report.total_claims).toBe(population.length);
    expect(report.fraudulent_count).toBe(population.filter(fraudulent).length);
    expect(report.avg_fraud_score).toBeCloseTo(sum(scored.map((c) => c.prediction!.fraudScore)) / scored.length, 4);
    expect(cents(report.avg_reserve!)).toBe(
      Math.round(sum(scored.map((c) => c.prediction!.reserveCents)) / scored.length),
    );
    expect(cents(report.claimed_amount)).toBe(sum(population.map((c) => c.claimAmountCents ?? 0)));
    expect(cents(report.approved_amount)).toBe(sum(population.map(approvedCents)));
    for (const [status, n] of Object.entries(report.status_breakdown))
      expect(n, status).toBe(population.filter((c) => c.status === status).length);
    expect(report.channels.map((c) => c.channel)).toEqual(["health", "photo", "document"]);
    for (const channel of report.channels) {
      const rows = population.filter((c) => c.channel === channel.channel);
      expect(channel.total_claims).toBe(rows.length);
      expect(channel.fraudulent_count).toBe(rows.filter(fraudulent).length);
      expect(cents(channel.approved_amount)).toBe(sum(rows.map(approvedCents)));
    }
  });

  it("filters by creation day (both ends inclusive), status in any case and channel", async () => {
    const report = await readAs(
      await api("/api/v1/reports/claims?start_date=2040-06-01&end_date=2040-12-31&status=approved&channel=HEALTH", {
        token: admin.token,
      }),
      getClaimsReportRoute,
      200,
    );
    const expected = population.filter(
      (c) =>
        c.createdAt >= "2040-06-01" && c.createdAt < "2041-01-01" && c.status === "APPROVED" && c.channel === "health",
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(report.total_claims).toBe(expected.length);
    expect(report.filters).toEqual({
      start_date: "2040-06-01",
      end_date: "2040-12-31",
      status: "APPROVED",
      channel: "health",
    });
    expect(report.avg_fraud_score).toBeNull();
  });

  it("covers an adjuster's caseload only: the claims it uploaded or is assigned", async () => {
    const report = await readAs(
      await api(`/api/v1/reports/claims?${WINDOW}`, { token: insurer.token }),
      getClaimsReportRoute,
      200,
    );
    const mine = population.filter((c) => c.ownerUserId === insurer.id || c.assignedInsurerId === insurer.id);
    expect(report.total_claims).toBe(mine.length);
    expect(report.total_claims).toBeLessThan(population.length);
    expect(report.fraudulent_count).toBe(mine.filter(fraudulent).length);
  });

  it("answers CSV for Accept: text/csv and for format=csv, with the same numbers", async () => {
    for (const init of [{ headers: { accept: "text/csv" } }, {}]) {
      const path = init.headers ? `/api/v1/reports/claims?${WINDOW}` : `/api/v1/reports/claims?${WINDOW}&format=csv`;
      const res = await api(path, { token: admin.token, ...init });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      expect(res.headers.get("content-disposition")).toContain("attachment");
      const [header, all, ...channels] = (await res.text())
        .trimEnd()
        .split("\r\n")
        .map((line) => line.split(","));
      expect(header?.slice(0, 3)).toEqual(["scope", "total_claims", "fraudulent_count"]);
      expect(all?.slice(0, 3)).toEqual([
        "all",
        String(population.length),
        String(population.filter(fraudulent).length),
      ]);
      expect(channels.map((line) => line[0])).toEqual(["health", "photo", "document"]);
    }
  });
});

describe("GET /api/v1/reports/fraud_trends", () => {
  it("groups by amount band: every band in order, counts as the rows say", async () => {
    const report = await readAs(
      await api(`/api/v1/reports/fraud_trends?group_by=amount&${WINDOW}`, { token: admin.token }),
      getFraudTrendsRoute,
      200,
    );
    const labels = [...AMOUNT_RANGES.map((r) => r.label), "unknown"];
    expect(report.trends.map((t) => t.range)).toEqual(labels);
    for (const trend of report.trends) {
      const rows = population.filter((c) => amountRangeOf(c.claimAmountCents) === trend.range);
      expect(trend.total_count, trend.range).toBe(rows.length);
      expect(trend.fraud_count, trend.range).toBe(rows.filter(fraudulent).length);
    }
  });

  it.each([
    ["channel", (c: PopulatedClaim) => c.channel],
    ["provider", (c: PopulatedClaim) => c.providerId ?? "none"],
    ["month", (c: PopulatedClaim) => c.createdAt.slice(0, 7)],
    ["region", (c: PopulatedClaim) => (c.extractedData?.incident_state as string | undefined) ?? "unknown"],
    ["incident_type", (c: PopulatedClaim) => (c.extractedData?.incident_type as string | undefined) ?? "unknown"],
  ] as const)("groups by %s", async (groupBy, keyOf) => {
    const report = await readAs(
      await api(`/api/v1/reports/fraud_trends?group_by=${groupBy}&${WINDOW}`, { token: admin.token }),
      getFraudTrendsRoute,
      200,
    );
    const expected = new Map<string, { total: number; fraud: number }>();
    for (const c of population) {
      const entry = expected.get(keyOf(c)) ?? { total: 0, fraud: 0 };
      entry.total++;
      if (fraudulent(c)) entry.fraud++;
      expected.set(keyOf(c), entry);
    }
    expect(report.trends).toHaveLength(expected.size);
    for (const trend of report.trends) {
      expect(trend.key).toBeDefined();
      expect({ total: trend.total_count, fraud: trend.fraud_count }, trend.key).toEqual(expected.get(trend.key!));
    }
    if (groupBy === "month") expect(report.trends.map((t) => t.key)).toEqual(report.trends.map((t) => t.key).sort());
  });

  it("reads a document's region from its policy when the document names no state", async () => {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO policies (policy_number, attributes, updated_at) VALUES ('POL-REGION-1', ?, '2026-01-01')",
      ).bind(JSON.stringify({ policy_state: "IL" })),
      env.DB.prepare(
        "INSERT INTO claims (id, channel, status, policy_number, extracted_data, created_at, updated_at) VALUES ('region-from-policy', 'document', 'PROCESSED', 'POL-REGION-1', '{}', '2030-01-02T00:00:00Z', '2030-01-02T00:00:00Z')",
      ),
    ]);
    const report = await readAs(
      await api("/api/v1/reports/fraud_trends?group_by=region&start_date=2030-01-01&end_date=2030-12-31", {
        token: admin.token,
      }),
      getFraudTrendsRoute,
      200,
    );
    expect(report.trends).toEqual([{ key: "IL", fraud_count: 0, total_count: 1, fraud_rate: 0 }]);
  });

  it("answers CSV with the range column for amounts", async () => {
    const res = await api(`/api/v1/reports/fraud_trends?group_by=amount&format=csv&${WINDOW}`, { token: admin.token });
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("range,fraud_count,total_count,fraud_rate");
    expect(lines[1]?.startsWith("0-5000,")).toBe(true);
  });
});
