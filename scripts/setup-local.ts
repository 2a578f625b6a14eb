// Prepares local state for `wrangler dev`: .dev.vars, the console's build, D1 migrations, the first
// admin, model artifacts in local R2. Safe to run again: every step is idempotent.
//   tsx scripts/setup-local.ts [--persist-to <dir>]
import { execFileSync } from "node:child_process";
import { getPlatformProxy } from "wrangler";
import { createDatabase } from "../src/db/client";
import type { Env } from "../src/env";
import { loadDemoReferenceData } from "../src/reference/demo-data";
import { buildConsole } from "./lib/console-build";
import { ensureDevVars } from "./lib/dev-vars";
import { ensureAdmin } from "./lib/first-admin";
import {
  registerPhotoClassifiers,
  seedModelArtifacts,
  seedTrainedModels,
  seedTrainingData,
} from "./lib/model-artifacts";
import { importSharedPolicies, importSharedReferenceData } from "./lib/reference-data";

const persistIndex = process.argv.indexOf("--persist-to");
const persistTo = persistIndex > 0 ? process.argv[persistIndex + 1] : undefined;

const started = Date.now();
const vars = ensureDevVars();
console.log(`console: ${buildConsole()}`);

execFileSync(
  "wrangler",
  ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])],
  {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CI: "true" },
  },
);

const openProxy = () => getPlatformProxy<Env>({ persist: persistTo ? { path: `${persistTo}/v3` } : true });
const setupProxy = await openProxy();
try {
  await ensureAdmin(setupProxy.env.DB, vars);
  await loadDemoReferenceData(setupProxy.env.DB);
  await importSharedReferenceData(setupProxy.env.DB, { persistTo });
} finally {
  await setupProxy.dispose();
}
// The code sets were written by another workerd (`wrangler d1 execute`); a proxy that held the
// database meanwhile may be dropped on its next query, so the rest opens it afresh.
const proxy = await openProxy();
try {
  await importSharedPolicies(proxy.env.DB);
  await seedModelArtifacts(proxy.env.MODELS);
  await seedTrainedModels(createDatabase(proxy.env.DB), proxy.env.MODELS);
  await seedTrainingData(proxy.env.MODELS);
  await registerPhotoClassifiers(proxy.env.DB);
} finally {
  await proxy.dispose();
}
console.log(`local setup done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
