import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { ensureDevVars } from "./dev-vars";

export interface LocalServer {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  stop: () => void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port")),
      );
    });
  });

/**
 * Runs the README's setup on a fresh state folder and starts `wrangler dev` on a free port,
 * resolving once /health answers. Used by the end-to-end tests and the benchmarks.
 */
export async function startLocalServer(
  stateDir: string,
  timeoutMs = 120_000,
  extraVars: Record<string, string> = {},
): Promise<LocalServer> {
  rmSync(stateDir, { recursive: true, force: true });
  const vars = ensureDevVars();
  execFileSync("tsx", ["scripts/setup-local.ts", "--persist-to", stateDir], { stdio: ["ignore", "ignore", "inherit"] });

  const port = await freePort();
  const output: string[] = [];
  const server = spawn(
    "wrangler",
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      stateDir,
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
      ...Object.entries(extraVars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" }, detached: true },
  );
  server.stdout?.on("data", (chunk) => output.push(String(chunk)));
  server.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (server.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`wrangler dev did not answer /health:\n${output.join("").slice(-4000)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, adminEmail: vars.ADMIN_EMAIL!, adminPassword: vars.ADMIN_PASSWORD!, stop };
}
