import { z } from "@hono/zod-openapi";

export const policySchema = z
  .object({ policy_number: z.string(), attributes: z.record(z.string(), z.string()), updated_at: z.string() })
  .openapi("Policy");
