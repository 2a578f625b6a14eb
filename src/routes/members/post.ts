import { z } from "@hono/zod-openapi";
import { insertAudited } from "../../db/insert-audited";
import { MEMBER_STATUSES, members } from "../../db/schema";
import { printableLine } from "../../domain/input-rules";
import { toCents } from "../../domain/money";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { moneyInput, referenceIdSchema } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { memberSchema, toMemberView } from "./schema";

const createMemberRequest = z
  .object({
    member_id: referenceIdSchema.openapi({ example: "M123" }),
    first_name: printableLine(1, 100).optional(),
    last_name: printableLine(1, 100).optional(),
    status: z.enum(MEMBER_STATUSES).default("ACTIVE"),
    benefit_limit: moneyInput().openapi({ example: 50000 }),
    remaining_benefit: moneyInput().optional().openapi({ description: "Defaults to benefit_limit" }),
  })
  .strict()
  .refine((m) => m.remaining_benefit === undefined || m.remaining_benefit <= m.benefit_limit, {
    message: "must not exceed benefit_limit",
    path: ["remaining_benefit"],
  })
  .openapi("CreateMemberRequest");

export const postMemberRoute = protectedRoute({
  method: "post",
  path: "/members",
  tags: ["reference data"],
  summary: "Enrol a health-plan member",
  roles: ["admin"],
  request: { body: jsonBody(createMemberRequest) },
  responses: { 201: jsonResponse(memberSchema, "The member") },
  errors: { 409: "Member id already exists" },
});

export const registerPostMember = (app: Api) =>
  app.openapi(postMemberRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const now = new Date().toISOString();
    const limit = toCents(body.benefit_limit)!;
    const row = {
      memberId: body.member_id,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
      status: body.status,
      benefitLimitCents: limit,
      remainingBenefitCents: body.remaining_benefit === undefined ? limit : toCents(body.remaining_benefit)!,
      lastDeductionCents: 0,
      createdAt: now,
      updatedAt: now,
    };
    await insertAudited(
      db,
      db.insert(members).values(row),
      {
        entityType: "member",
        entityId: row.memberId,
        action: "member.created",
        actor: c.get("user"),
        after: row,
        requestId: c.get("requestId"),
      },
      { message: `Member ${row.memberId} already exists` },
    );
    return c.json(toMemberView(row), 201);
  });
