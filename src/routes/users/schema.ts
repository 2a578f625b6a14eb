import { z } from "@hono/zod-openapi";
import { ROLES } from "../../db/schema";
import { userSchema } from "../auth/schema";

export const userIdParams = z.object({ id: z.string().min(1).max(64) });

export const userPageSchema = z
  .object({ users: z.array(userSchema), total: z.number(), page: z.number(), page_size: z.number() })
  .openapi("UserPage");

export const updateUserRequest = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    provider_id: z.string().trim().min(1).max(64).nullable().optional(),
    customer_id: z.string().trim().min(1).max(64).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .openapi("UpdateUserRequest");
