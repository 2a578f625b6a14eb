// Loads the real code sets and price statistics from ../shared/data into local D1 again.
//   tsx scripts/import-reference-data.ts [--persist-to <dir>]
import { getPlatformProxy } from "wrangler";
import type { Env } from "../src/env";
import { importSharedReferenceData } from "./lib/reference-data";

const persistIndex = process.argv.indexOf("--persist-to");
const persistTo = persistIndex > 0 ? process.argv[persistIndex + 1] : undefined;
const proxy = await getPlatformProxy<Env>({ persist: persistTo ? { path: `${persistTo}/v3` } : true });
try {
  await importSharedReferenceData(proxy.env.DB, { force: true, persistTo });
} finally {
  await proxy.dispose();
}
