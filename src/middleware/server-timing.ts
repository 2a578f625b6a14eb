import type { MiddlewareHandler } from "hono";
import { endTime, setMetric, startTime, timing } from "hono/timing";
import type { HonoEnv } from "../env";

type Middleware = MiddlewareHandler<HonoEnv>;

/** Server-Timing on every API response; `total` is the Worker's own time, without the HTTP layer and proxies in front. */
export const serverTiming: Middleware = timing({ total: true, totalDescription: "Worker" }) as unknown as Middleware;

/** Times a middleware's own part (up to its `next()`) as a Server-Timing entry; a refusal is timed too. */
export const timedPhase =
  (name: string, middleware: Middleware): Middleware =>
  async (c, next) => {
    if (!c.get("metric")) return middleware(c, next);
    startTime(c, name);
    return middleware(c, async () => {
      endTime(c, name);
      await next();
    });
  };

/** A phase of a handler measured by the handler itself (performance.now() differences, ms). */
export const recordPhase = (c: Parameters<Middleware>[0], name: string, ms: number) => {
  if (c.get("metric")) setMetric(c, name, ms);
};
