import { z } from "@hono/zod-openapi";
import { PROVIDER_STATUSES, type providers } from "../../db/schema";

export const providerSchema = z
  .object({
    provider_id: z.string(),
    name: z.string(),
    status: z.enum(PROVIDER_STATUSES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Provider");

export const toProviderView = (row: typeof providers.$inferSelect) => ({
  provider_id: row.providerId,
  name: row.name,
  status: row.status,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

export const PROVIDER_AUDIT_COLUMNS = ["provider_id", "name", "status", "updated_at"];
