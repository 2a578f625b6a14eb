// Upload-to-PROCESSED latency of one-page claim PDFs (typed and scanned) through the real
// queue under the local wrangler dev, next to the upload's own response time as a baseline.
//   npm run bench:document-latency [-- --runs 5]
import { readFileSync } from "node:fs";
import { startLocalServer } from "../scripts/lib/local-server";
import { apiClient } from "./lib/api";
import { percentile } from "./lib/stats";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const server = await startLocalServer(".bench-state");
try {
  const { login } = apiClient(server.baseUrl);
  const admin = await login(server.adminEmail, server.adminPassword);
  console.log("| one-page claim | upload answered (202) p50 ms | upload → PROCESSED p50 ms | max ms |");
  console.log("|---|---:|---:|---:|");
  for (const file of ["typed-form.pdf", "scanned-form.pdf"]) {
    const accepted: number[] = [];
    const processed: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const form = new FormData();
      form.append(
        "file",
        new File([readFileSync(`test/fixtures/documents/${file}`)], file, { type: "application/pdf" }),
      );
      const started = performance.now();
      const res = await fetch(`${server.baseUrl}/api/v1/claims/upload`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}` },
        body: form,
      });
      const { claim_id } = (await res.json()) as { claim_id: string };
      const answered = performance.now() - started;
      let status = "PENDING";
      while (status === "PENDING" || status === "PROCESSING") {
        await new Promise((r) => setTimeout(r, 25));
        const claim = (await (
          await fetch(`${server.baseUrl}/api/v1/claims/${claim_id}`, { headers: { authorization: `Bearer ${admin}` } })
        ).json()) as { status: string };
        status = claim.status;
      }
      if (status !== "PROCESSED") throw new Error(`${file} ended ${status}`);
      // The first run warms the isolate (OCR engine, models): reported apart.
      if (i === 0) console.log(`(first ${file}, cold isolate: ${(performance.now() - started).toFixed(0)} ms)`);
      else {
        accepted.push(answered);
        processed.push(performance.now() - started);
      }
    }
    console.log(
      `| ${file} | ${percentile(accepted, 50).toFixed(0)} | ${percentile(processed, 50).toFixed(0)} | ${Math.max(...processed).toFixed(0)} |`,
    );
  }
} finally {
  server.stop();
}
