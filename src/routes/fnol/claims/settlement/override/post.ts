import { z } from "@hono/zod-openapi";
import { toCents } from "../../../../../domain/money";
import { MAX_REASON_LENGTH } from "../../../../../domain/settlement";
import { toSettlementView } from "../../../../../fnol/claim-view";
import { overrideSettlement } from "../../../../../fnol/override-settlement";
import type { Api } from "../../../../api";
import { jsonBody, jsonResponse } from "../../../../shared/content";
import { moneyInput } from "../../../../shared/inputs";
import { protectedRoute } from "../../../../shared/protected-route";
import { claimIdParams, settlementViewSchema } from "../../schema";

const settlementOverrideRequest = z
  .object({
    reason: z.string().trim().min(1).max(MAX_REASON_LENGTH),
    expected_version: z.number().int().min(1).openapi({ description: "The version the adjuster is looking at" }),
    repair_estimate: moneyInput().optional(),
    actual_cash_value: moneyInput().optional(),
    deductible: moneyInput().optional(),
    repair_days: z.number().int().min(0).max(365).optional(),
    total_loss: z.boolean().optional(),
    payout: moneyInput().optional(),
  })
  .strict()
  .openapi("SettlementOverrideRequest");

const cents = (amount: number | undefined) => (amount === undefined ? undefined : toCents(amount));

export const postSettlementOverrideRoute = protectedRoute({
  method: "post",
  path: "/fnol/claims/{id}/settlement/override",
  tags: ["first notice of loss"],
  summary: "An adjuster overrides a claim's settlement (a new version)",
  description:
    "Facts not given are kept; total loss and payout are recomputed unless decided. The previous version stays; the " +
    "new one is audited with every figure that moved and emitted as a new Settlement.Finalized, which re-books the " +
    "rental car when the rental days change.",
  roles: ["insurer", "admin"],
  request: { params: claimIdParams, body: jsonBody(settlementOverrideRequest) },
  responses: { 201: jsonResponse(settlementViewSchema, "The new settlement version") },
  errors: {
    404: "No such first notice of loss",
    409: "No settlement yet, expected_version is not the current one, or the override changes nothing",
  },
});

export const registerPostSettlementOverride = (app: Api) =>
  app.openapi(postSettlementOverrideRoute, async (c) => {
    const body = c.req.valid("json");
    const row = await overrideSettlement(
      c.env,
      c.get("db"),
      c.get("user"),
      c.req.valid("param").id,
      {
        reason: body.reason,
        expectedVersion: body.expected_version,
        repairEstimateCents: cents(body.repair_estimate),
        actualCashValueCents: cents(body.actual_cash_value),
        deductibleCents: cents(body.deductible),
        repairDays: body.repair_days,
        totalLoss: body.total_loss,
        payoutCents: cents(body.payout),
      },
      c.get("requestId"),
    );
    return c.json(toSettlementView(row), 201);
  });
