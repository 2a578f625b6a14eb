// Reports latency on 10,000 claims of every channel, inside workerd with real D1, next to two
// baselines measured in the same run: the first page of GET /claims and GET /health. workerd
// rounds its clock to whole milliseconds, so the numbers are integers.
//   npm run bench:reports [-- --claims 10000]
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { claimPopulation, insertPopulation } from "../scripts/lib/claim-population";
import { api, createUser } from "../test/helpers";

const CLAIMS = Number(process.env.REPORT_BENCH_CLAIMS ?? 10_000);
const ROUNDS = 30;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function timed(path: string, token: string, accept?: string) {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS + 3; i++) {
    const start = performance.now();
    const res = await api(path, { token, headers: accept ? { accept } : {} });
    await res.arrayBuffer();
    expect(res.status, path).toBe(200);
    // The first rounds warm the isolate and SQLite's page cache.
    if (i >= 3) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { path, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

it(`reports on ${CLAIMS} claims`, async () => {
  const admin = await createUser("admin");
  const insurers = await Promise.all([createUser("insurer"), createUser("insurer"), createUser("insurer")]);
  const started = performance.now();
  await insertPopulation(
    env.DB,
    claimPopulation(CLAIMS, { seed: 3, insurerIds: insurers.map((u) => u.id), idPrefix: "bench" }),
  );
  console.log(`inserted ${CLAIMS} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const total = await env.DB.prepare("SELECT count(*) AS n FROM claims").first<{ n: number }>();
  expect(total?.n).toBe(CLAIMS);

  const rows = [
    await timed("/health", admin.token),
    await timed("/api/v1/claims?limit=20", admin.token),
    await timed("/api/v1/reports/claims", admin.token),
    await timed("/api/v1/reports/claims?start_date=2026-01-01&end_date=2026-06-30&channel=document", admin.token),
    {
      ...(await timed("/api/v1/reports/claims", insurers[0]!.token)),
      path: "/api/v1/reports/claims (an adjuster's caseload)",
    },
    await timed("/api/v1/reports/claims?format=csv", admin.token),
  ];
  for (const group of ["amount", "region", "month", "channel", "incident_type", "provider"])
    rows.push(await timed(`/api/v1/reports/fraud_trends?group_by=${group}`, admin.token));
  const list = rows[1]!;
  console.log(`\n${CLAIMS} claims, ${ROUNDS} requests each (after 3 warm-up), milliseconds inside workerd + local D1`);
  console.log(`${"request".padEnd(90)} ${"p50".padStart(7)} ${"p95".padStart(7)}  p50 / GET /claims page`);
  for (const r of rows)
    console.log(
      `${r.path.padEnd(90)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)}  ${(r.p50 / list.p50).toFixed(2)}×`,
    );
});
