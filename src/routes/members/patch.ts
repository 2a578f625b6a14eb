import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { type ColumnChange, patchAudited, setTo } from "../../db/audited-patch";
import { MEMBER_STATUSES, members } from "../../db/schema";
import { CENT_AMOUNT_MESSAGE, isCentAmount, printableLine } from "../../domain/input-rules";
import { toCents } from "../../domain/money";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { moneyInput, referenceIdParams } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { MEMBER_AUDIT_COLUMNS, memberSchema, toMemberView } from "./schema";

const updateMemberRequest = z
  .object({
    first_name: printableLine(1, 100).nullable().optional(),
    last_name: printableLine(1, 100).nullable().optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    benefit_limit: moneyInput()
      .optional()
      .openapi({ description: "New limit; the remaining benefit moves by the same difference" }),
    remaining_benefit: moneyInput()
      .optional()
      .openapi({ description: "Set the remaining benefit (e.g. a new plan year), capped at the limit" }),
    benefit_adjustment: z
      .number()
      .min(-100_000_000)
      .max(100_000_000)
      .refine(isCentAmount, CENT_AMOUNT_MESSAGE)
      .optional()
      .openapi({ description: "Add to (or, negative, take from) the remaining benefit, atomically" }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .refine((body) => body.remaining_benefit === undefined || body.benefit_adjustment === undefined, {
    message: "remaining_benefit and benefit_adjustment are mutually exclusive",
    path: ["benefit_adjustment"],
  })
  .openapi("UpdateMemberRequest");

/** The member's new column values as SQL over the old row, so concurrent deductions are never lost. */
function memberChanges(body: z.infer<typeof updateMemberRequest>): ColumnChange[] {
  const changes: ColumnChange[] = [];
  if (body.first_name !== undefined) changes.push(setTo("first_name", body.first_name));
  if (body.last_name !== undefined) changes.push(setTo("last_name", body.last_name));
  if (body.status !== undefined) changes.push(setTo("status", body.status));
  const limit = body.benefit_limit === undefined ? undefined : toCents(body.benefit_limit)!;
  const limitExpr =
    limit === undefined ? { expression: "benefit_limit_cents", bindings: [] } : { expression: "?", bindings: [limit] };
  if (limit !== undefined) changes.push(setTo("benefit_limit_cents", limit));

  const remaining = (expression: string, bindings: unknown[]): ColumnChange => ({
    column: "remaining_benefit_cents",
    expression: `MIN(${limitExpr.expression}, MAX(0, ${expression}))`,
    bindings: [...limitExpr.bindings, ...bindings],
  });
  if (body.remaining_benefit !== undefined) changes.push(remaining("?", [toCents(body.remaining_benefit)!]));
  else if (body.benefit_adjustment !== undefined)
    changes.push(remaining("remaining_benefit_cents + ?", [toCents(body.benefit_adjustment)!]));
  else if (limit !== undefined) changes.push(remaining("remaining_benefit_cents + ? - benefit_limit_cents", [limit]));
  return changes;
}

export const patchMemberRoute = protectedRoute({
  method: "patch",
  path: "/members/{id}",
  tags: ["reference data"],
  summary: "Change a member's status, names or benefit (audited)",
  roles: ["admin"],
  request: { params: referenceIdParams, body: jsonBody(updateMemberRequest) },
  responses: { 200: jsonResponse(memberSchema, "The member after the change") },
  errors: { 404: "No such member" },
});

export const registerPatchMember = (app: Api) =>
  app.openapi(patchMemberRoute, async (c) => {
    const { id } = c.req.valid("param");
    const changed = await patchAudited(
      c.env.DB,
      { table: "members", keyColumn: "member_id", key: id, entityType: "member", columns: MEMBER_AUDIT_COLUMNS },
      memberChanges(c.req.valid("json")),
      c.get("user"),
      c.get("requestId"),
      new Date().toISOString(),
    );
    if (!changed) throw new ApiError("NOT_FOUND", `Member ${id} not found`);
    const row = await c.get("db").query.members.findFirst({ where: eq(members.memberId, id) });
    return c.json(toMemberView(row!), 200);
  });
