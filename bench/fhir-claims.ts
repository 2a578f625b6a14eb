// HL7 FHIR R4 Claim → ClaimResponse against the JSON channel's POST /claims, measured in the same
// run on the local wrangler dev, alternating rounds: p50/p99 latency and throughput.
//   npm run bench:fhir-claims [-- --seconds 8 --rounds 2 --connections 4]
import { startLocalServer } from "../scripts/lib/local-server";
import { benchHospital } from "./lib/hospital";
import { type LoadResult, load, printTable } from "./lib/http-load";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 8);
const rounds = arg("rounds", 2);
const connections = arg("connections", 4);

/** A FHIR R4 Claim for the demo reference data, one item per amount (distinct amounts: never a duplicate). */
const fhirClaim = (amounts: number[]) => ({
  resourceType: "Claim",
  status: "active",
  type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "institutional" }] },
  use: "claim",
  patient: { reference: "Patient/BENCH" },
  created: "2026-02-23",
  provider: { reference: "Organization/H456" },
  priority: { coding: [{ code: "normal" }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: "Coverage/BENCH" } }],
  diagnosis: [
    { sequence: 1, diagnosisCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10", code: "D001" }] } },
  ],
  item: amounts.map((value, i) => ({
    sequence: i + 1,
    productOrService: { coding: [{ code: "P001" }] },
    servicedDate: "2026-02-23",
    net: { value, currency: "USD" },
  })),
});

const server = await startLocalServer(".bench-state");
try {
  const hospital = await benchHospital(server);

  const auth = { authorization: `Bearer ${hospital}` };
  let n = 0;
  const amount = () => 1000 + (n++ % 1_000_000) / 100;
  const routes = {
    "POST /claims (JSON)": {
      url: `${server.baseUrl}/api/v1/claims`,
      headers: { ...auth, "content-type": "application/json" },
      body: () =>
        JSON.stringify({
          member_id: "BENCH",
          provider_id: "H456",
          diagnosis_code: "D001",
          procedure_code: "P001",
          claim_amount: amount(),
          service_date: "2026-02-23",
        }),
    },
    "POST /fhir/Claim, 1 item": {
      url: `${server.baseUrl}/api/v1/fhir/Claim`,
      headers: { ...auth, "content-type": "application/fhir+json" },
      body: () => JSON.stringify(fhirClaim([amount()])),
    },
    "POST /fhir/Claim, 3 items": {
      url: `${server.baseUrl}/api/v1/fhir/Claim`,
      headers: { ...auth, "content-type": "application/fhir+json" },
      body: () => JSON.stringify(fhirClaim([amount(), amount(), amount()])),
    },
  };

  const results: LoadResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const [label, route] of Object.entries(routes)) {
      results.push(await load(`${label} (round ${round})`, { ...route, method: "POST", connections, seconds }));
    }
  }
  printTable(results);
  const mean = (label: string, pick: (r: LoadResult) => number) => {
    const rows = results.filter((r) => r.label.startsWith(label));
    return rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
  };
  const baseline = "POST /claims (JSON)";
  console.log(
    `\n${connections} connections, ${rounds} rounds of ${seconds} s each; baseline ${baseline}: p50 ${mean(baseline, (r) => r.p50).toFixed(1)} ms`,
  );
  for (const label of Object.keys(routes).filter((l) => l !== baseline)) {
    const p50 = mean(label, (r) => r.p50);
    console.log(
      `${label}: p50 ${p50.toFixed(1)} ms = ${(p50 / mean(baseline, (r) => r.p50)).toFixed(2)} × the JSON channel's p50; ` +
        `throughput ${(mean(label, (r) => r.requestsPerSecond) / mean(baseline, (r) => r.requestsPerSecond)).toFixed(2)} × the JSON channel's`,
    );
  }
  const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  if (failures > 0) console.log(`WARNING: ${failures} non-2xx responses or errors`);
} finally {
  server.stop();
}
