import { z } from "@hono/zod-openapi";

export const healthCheckSchema = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });

export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    checks: z.record(z.string(), healthCheckSchema),
    models: z.object({
      loaded: z.array(z.string()).openapi({ description: "Model versions this isolate has loaded (name/version)" }),
      errors: z.record(z.string(), z.string()).openapi({ description: "Models that failed to load, with the error" }),
    }),
    timestamp: z.string(),
  })
  .openapi("Health");
