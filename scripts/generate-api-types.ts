// Writes the console's typed API client types from the OpenAPI document of the Worker, started
// locally for the purpose (no state needed: the document is static).
//   npm run console:api-types
import { writeFileSync } from "node:fs";
import { unstable_dev } from "wrangler";
import { API_TYPES_PATH, renderApiTypes } from "./lib/api-types";

const worker = await unstable_dev("src/index.ts", {
  config: "wrangler.toml",
  logLevel: "warn",
  persistTo: ".wrangler/api-types",
  experimental: { disableExperimentalWarning: true },
});
try {
  const res = await worker.fetch("/api/v1/openapi.json");
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  writeFileSync(API_TYPES_PATH, await renderApiTypes(await res.json()));
  console.log(`wrote ${API_TYPES_PATH}`);
} finally {
  await worker.stop();
}
