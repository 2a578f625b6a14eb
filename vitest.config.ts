import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
          ADMIN_EMAIL: "admin@claimsedge.test",
          ADMIN_PASSWORD: "admin-password-123",
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
    silent: "passed-only" as const,
    isolate: false,
  },
}));
