import { z } from "zod";
import { normalizeCode } from "../health/codes";
import { moneyAmount, printableLine } from "../input-rules";

// The fields of a diagnosis or procedure code, as POST /codes/* and the CSV imports both read them.

export const codeInput = z
  .string()
  .trim()
  .transform(normalizeCode)
  .pipe(z.string().regex(/^[A-Z0-9]{2,10}$/, "must be 2-10 letters or digits (dots and spaces are ignored)"));

export const codeDescription = printableLine(1, 500);

export const diagnosisCodeInput = z.object({
  code: codeInput,
  description: codeDescription,
  billable: z.boolean().default(true),
});

export const procedureCodeInput = z.object({
  code: codeInput,
  description: codeDescription,
  average_cost: moneyAmount().optional(),
  cost_std_dev: moneyAmount().optional(),
});

/** A price-list row may leave the description out: the stored one is kept. */
export const procedurePriceInput = procedureCodeInput.extend({ description: codeDescription.optional() });
