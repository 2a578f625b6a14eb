import { z } from "@hono/zod-openapi";
import { moneyAmount } from "../../domain/input-rules";

/** An amount of money in the request: non-negative, in whole cents. */
export const moneyInput = moneyAmount;

/** An id from the insurer's own systems (member, provider). */
export const referenceIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'");

/** `{id}` of /members/{id}, /providers/{id}. */
export const referenceIdParams = z.object({ id: z.string().min(1).max(64) });
