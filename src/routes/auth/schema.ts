import { z } from "@hono/zod-openapi";
import { ROLES } from "../../db/schema";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be a valid email address" }).max(254));

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    role: z.enum(ROLES),
    provider_id: z.string().nullable(),
    customer_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("User");

export type UserView = z.infer<typeof userSchema>;

export const toUserView = (row: {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: (typeof ROLES)[number];
  providerId: string | null;
  customerId: string | null;
  createdAt: string;
}): UserView => ({
  id: row.id,
  email: row.email,
  first_name: row.firstName,
  last_name: row.lastName,
  role: row.role,
  provider_id: row.providerId,
  customer_id: row.customerId,
  created_at: row.createdAt,
});
