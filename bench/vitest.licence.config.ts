// Runs the held-out licence images through readDriversLicence inside workerd (bench:licence).
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
  test: {
    include: ["bench/licence-held-out.workerd.test.ts"],
    testTimeout: 900_000,
    silent: false,
  },
});
