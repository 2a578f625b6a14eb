import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { auditInsert } from "../../audit";
import { authenticate, requireRole } from "../../auth/middleware";
import { isUniqueViolation } from "../../db/errors";
import { MEMBER_STATUSES, members } from "../../db/schema";
import { toCents } from "../../domain/money";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../shared/responses";
import { memberIdSchema, memberSchema, moneyInput, toMemberView } from "./schema";

const createMemberRequest = z
  .object({
    member_id: memberIdSchema.openapi({ example: "M123" }),
    first_name: z.string().trim().min(1).max(100).optional(),
    last_name: z.string().trim().min(1).max(100).optional(),
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

export const createMemberRoute = createRoute({
  method: "post",
  path: "/members",
  tags: ["reference data"],
  summary: "Enrol a health-plan member (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: createMemberRequest } } } },
  responses: {
    201: { description: "The member", content: { "application/json": { schema: memberSchema } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("Member id already exists"),
  },
});

export const registerCreateMember = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(createMemberRoute, async (c) => {
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
    const view = toMemberView(row);
    try {
      await db.batch([
        db.insert(members).values(row),
        auditInsert(db, { entityType: "member", entityId: row.memberId, action: "member.created", actor: c.get("user"), after: row, requestId: c.get("requestId") }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", `Member ${row.memberId} already exists`);
      throw err;
    }
    return c.json(view, 201);
  });
