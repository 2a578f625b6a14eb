import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { validateFhirResource } from "./test/fhir/schema-validator";

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
          PII_HASH_KEY: "test-pii-hash-key-that-is-long-enough-0123456789",
          DEV_ROUTES: "true",
        },
        // Tests only: HL7's R4 JSON schema, checked in Node (ajv generates code, which workerd forbids).
        serviceBindings: {
          FHIR_SCHEMA: async (request: Request) => Response.json(validateFhirResource(await request.json())),
        },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    setupFiles: ["./test/setup.ts"],
    testTimeout: 30_000,
    // beforeAll hooks build fixtures (images, models) that take longer on a loaded shared machine.
    hookTimeout: 60_000,
    silent: "passed-only" as const,
    isolate: false,
  },
}));
