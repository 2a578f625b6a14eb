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
    active: z.boolean(),
    deactivated_at: z.string().nullable(),
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
  active: boolean;
  deactivatedAt: string | null;
  createdAt: string;
}): UserView => ({
  id: row.id,
  email: row.email,
  first_name: row.firstName,
  last_name: row.lastName,
  role: row.role,
  provider_id: row.providerId,
  customer_id: row.customerId,
  active: row.active,
  deactivated_at: row.deactivatedAt,
  created_at: row.createdAt,
});

/** What login and refresh answer: a short-lived access token and the session's next refresh token. */
export const tokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().openapi({ description: "Seconds the access token is valid" }),
    refresh_token: z.string().openapi({ description: "Single use: POST /auth/refresh returns the next one" }),
    refresh_expires_in: z.number().int().openapi({ description: "Seconds the session lasts without a refresh" }),
    user: userSchema,
  })
  .openapi("LoginResponse");
