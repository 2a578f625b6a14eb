import { spawn } from "node:child_process";
import { createServer } from "node:net";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** Starts bench/worker (wrangler dev) and resolves its base URL once it answers. */
export async function startBenchWorker(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    "wrangler",
    ["dev", "-c", "bench/worker/wrangler.toml", "--port", String(port), "--ip", "127.0.0.1", "--log-level", "warn"],
    {
      stdio: "ignore",
      env: { ...process.env, CI: "true" },
      detached: true,
    },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url);
      return { url, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  stop();
  throw new Error("bench worker did not start");
}
