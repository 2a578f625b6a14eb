import { defineConfig } from "vitest/config";

// End-to-end tests: a real `wrangler dev` (every binding local) driven over HTTP from Node.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
