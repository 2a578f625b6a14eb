// POST /api/v1/claims under 32 concurrent clients against the local wrangler dev, next to an
// empty authenticated route (GET /auth/session) measured in the same run, alternating rounds.
//   npm run bench:health-claims [-- --seconds 10 --rounds 2]
import { startLocalServer } from "../scripts/lib/local-server";
import { benchHospital } from "./lib/hospital";
import { type LoadResult, load, printTable } from "./lib/http-load";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 10);
const rounds = arg("rounds", 2);
const connections = 32;

const server = await startLocalServer(".bench-state");
try {
  const hospital = await benchHospital(server);

  const auth = { authorization: `Bearer ${hospital}` };
  let n = 0;
  const claimBody = () =>
    JSON.stringify({
      member_id: "BENCH",
      provider_id: "H456",
      diagnosis_code: "D001",
      procedure_code: "P001",
      claim_amount: 1000 + (n++ % 100000) / 100,
    });

  const results: LoadResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    results.push(
      await load(`GET /auth/session (round ${round})`, {
        url: `${server.baseUrl}/api/v1/auth/session`,
        headers: auth,
        connections,
        seconds,
      }),
    );
    results.push(
      await load(`POST /claims (round ${round})`, {
        url: `${server.baseUrl}/api/v1/claims`,
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: claimBody,
        connections,
        seconds,
      }),
    );
  }
  printTable(results);
  const mean = (label: string, pick: (r: LoadResult) => number) => {
    const rows = results.filter((r) => r.label.startsWith(label));
    return rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
  };
  const ratio =
    mean("POST /claims", (r) => r.requestsPerSecond) / mean("GET /auth/session", (r) => r.requestsPerSecond);
  console.log(
    `\nPOST /claims throughput = ${ratio.toFixed(2)} × the empty authenticated route (goal ≥ 0.50), ${connections} connections`,
  );
  console.log(
    `p50 ${mean("POST /claims", (r) => r.p50).toFixed(1)} ms vs ${mean("GET /auth/session", (r) => r.p50).toFixed(1)} ms; p99 ${mean("POST /claims", (r) => r.p99).toFixed(1)} ms vs ${mean("GET /auth/session", (r) => r.p99).toFixed(1)} ms`,
  );
} finally {
  server.stop();
}
