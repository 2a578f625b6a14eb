import { z } from "@hono/zod-openapi";
import { claimIfMatch, preconditionFailed } from "../../../../../claims/claim-concurrency";
import { claimEtag } from "../../../../../domain/claims/claim-version";
import { toCents } from "../../../../../domain/money";
import { MAX_REASON_LENGTH } from "../../../../../domain/settlement";
import { settlementAdjusters } from "../../../../../fnol/claim-records";
import { toSettlementView } from "../../../../../fnol/claim-view";
import { overrideSettlement, StaleClaimError } from "../../../../../fnol/override-settlement";
import type { Api } from "../../../../api";
import { ifMatchHeaders } from "../../../../claims/schema";
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
  request: { params: claimIdParams, headers: ifMatchHeaders, body: jsonBody(settlementOverrideRequest) },
  responses: { 201: jsonResponse(settlementViewSchema, "The new settlement version") },
  errors: {
    404: "No such first notice of loss",
    409: "No settlement yet, expected_version is not the current one, the override changes nothing, or the claim is another adjuster's",
    412: "If-Match names a version the claim has moved past (PRECONDITION_FAILED, with the current claim)",
  },
});

export const registerPostSettlementOverride = (app: Api) =>
  app.openapi(postSettlementOverrideRoute, async (c) => {
    const body = c.req.valid("json");
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const ifMatch = claimIfMatch(c);
    const write = () =>
      overrideSettlement(
        c.env,
        db,
        c.get("user"),
        id,
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
        ifMatch.kind === "versions" ? ifMatch.versions : undefined,
      );
    const row = await write().catch((error: unknown) => {
      if (error instanceof StaleClaimError) return preconditionFailed(db, c, id);
      throw error;
    });
    const claim = await db.query.claims.findFirst({ where: (t, { eq }) => eq(t.id, id), columns: { version: true } });
    if (claim) c.header("etag", claimEtag(claim.version));
    return c.json(toSettlementView(row, { staff: true, adjusters: await settlementAdjusters(db, [row]) }), 201);
  });
