import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["console/src", "console/index.html", "console/vite.config.ts", "package-lock.json"];
const BUILT = "console/dist/index.html";

const newestChange = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

/** Builds the console into console/dist (what [assets] serves) unless the build is newer than every source. */
export function buildConsole({ force = false } = {}): "built" | "up to date" {
  if (!force && existsSync(BUILT) && statSync(BUILT).mtimeMs > Math.max(...SOURCES.map(newestChange))) {
    return "up to date";
  }
  execFileSync("vite", ["build", "--config", "console/vite.config.ts", "--logLevel", "warn"], {
    stdio: ["ignore", "inherit", "inherit"],
    // Under vitest NODE_ENV is "test", which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
  return "built";
}
