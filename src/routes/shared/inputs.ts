import { z } from "@hono/zod-openapi";
import { toCents } from "../../domain/money";

/** An amount of money in the request: non-negative, at most two decimals. */
export const moneyInput = (max = 100_000_000) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((amount) => toCents(amount) !== undefined, "must have at most two decimals");

/** An id from the insurer's own systems (member, provider). */
export const referenceIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'");

/** `{id}` of /members/{id}, /providers/{id}. */
export const referenceIdParams = z.object({ id: z.string().min(1).max(64) });
