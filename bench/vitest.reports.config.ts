// Runs the reports over a 10,000-claim population inside workerd with real D1 (bench:reports).
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          JWT_SECRET: "bench-secret-that-is-long-enough-for-hs256-0123456789",
          PII_HASH_KEY: "bench-pii-hash-key-that-is-long-enough-0123456789",
        },
      },
    }),
  ],
  test: {
    include: ["bench/reports.workerd.test.ts"],
    setupFiles: ["./test/setup.ts"],
    testTimeout: 900_000,
    silent: false,
  },
}));
