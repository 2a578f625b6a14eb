import { z } from "@hono/zod-openapi";
import { and, asc, count, desc, eq, gte, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { toClaimWorkflow } from "../../claims/claim-workflow";
import { fraudVerdict } from "../../claims/fraud-verdict";
import { unassignedQueue, withVisibility } from "../../claims/scope";
import { claimViewFor } from "../../claims/views-by-role";
import { CHANNELS, CLAIM_STATUSES, claims, predictions, ROLES, users } from "../../db/schema";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { claimSummarySchema } from "./schema";

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

const CLAIM_SORTS = {
  created_at: claims.createdAt,
  updated_at: claims.updatedAt,
  amount: claims.claimAmountCents,
  fraud_score: predictions.fraudScore,
  status: claims.status,
} as const;
type ClaimSort = keyof typeof CLAIM_SORTS;
const SORT_VALUES = Object.keys(CLAIM_SORTS).flatMap((key) => [key, `-${key}`]) as [string, ...string[]];

const assignees = alias(users, "assignee");

const needsReviewFilter = (flagged: boolean) => {
  const listed = sql`coalesce(json_array_length(${claims.extractedData}, '$.needs_review'), 0)`;
  return flagged ? and(eq(claims.channel, "document"), sql`${listed} > 0`) : sql`${listed} = 0`;
};

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const listClaimsQuery = z
  .object({
    status: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(CLAIM_STATUSES))
      .optional()
      .openapi({ description: "Any case: approved, APPROVED, …" }),
    channel: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(CHANNELS))
      .optional(),
    needs_review: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .openapi({ description: "Document claims with (true) or without (false) fields an adjuster must check" }),
    member_id: z.string().min(1).max(64).optional(),
    provider_id: z.string().min(1).max(64).optional(),
    customer_id: z.string().min(1).max(64).optional(),
    start_date: z.iso.date().optional().openapi({ description: "Created on or after (YYYY-MM-DD, UTC)" }),
    end_date: z.iso.date().optional().openapi({ description: "Created on or before (YYYY-MM-DD, UTC)" }),
    fraud_flag: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .openapi({ description: "Claims that count as fraudulent (adjuster's verdict, else rules and model) or not" }),
    assignee: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "`me`, `unassigned` (the queue an adjuster takes from) or an adjuster's user id" }),
    sort: z
      .enum(SORT_VALUES)
      .default("-created_at")
      .openapi({ description: "created_at, updated_at, amount, fraud_score or status; a leading - sorts descending" }),
    service_date_from: z.iso.date().optional(),
    service_date_to: z.iso.date().optional(),
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().openapi({ description: "Alias of page_size" }),
  })
  .refine((q) => !q.start_date || !q.end_date || q.start_date <= q.end_date, {
    message: "start_date must not be after end_date",
    path: ["end_date"],
  });

export const claimListSchema = z
  .object({
    claims: z.array(claimSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    limit: z.number().int(),
  })
  .openapi("ClaimList");

export const listClaimsRoute = protectedRoute({
  method: "get",
  path: "/claims",
  tags: ["claims"],
  summary: "List the claims the caller may see (an adjuster: its caseload and the unassigned queue), newest first",
  roles: ROLES,
  request: { query: listClaimsQuery },
  responses: { 200: jsonResponse(claimListSchema, "A page of claims") },
});

export const registerListClaims = (app: Api) =>
  app.openapi(listClaimsRoute, async (c) => {
    const q = c.req.valid("query");
    const pageSize = q.page_size ?? q.limit ?? DEFAULT_PAGE_SIZE;
    const filters: (SQL | undefined)[] = [
      q.status ? eq(claims.status, q.status) : undefined,
      q.channel ? eq(claims.channel, q.channel) : undefined,
      q.needs_review === undefined ? undefined : needsReviewFilter(q.needs_review),
      q.member_id ? eq(claims.memberId, q.member_id) : undefined,
      q.provider_id ? eq(claims.providerId, q.provider_id) : undefined,
      q.customer_id ? eq(claims.customerId, q.customer_id) : undefined,
      q.start_date ? gte(claims.createdAt, q.start_date) : undefined,
      q.end_date ? lt(claims.createdAt, nextDay(q.end_date)) : undefined,
      q.service_date_from ? gte(claims.serviceDate, q.service_date_from) : undefined,
      q.service_date_to ? lte(claims.serviceDate, q.service_date_to) : undefined,
    ];
    const user = c.get("user");
    const assignee =
      q.assignee === undefined
        ? undefined
        : q.assignee === "unassigned"
          ? user.role === "admin"
            ? isNull(claims.assignedInsurerId)
            : unassignedQueue()
          : eq(claims.assignedInsurerId, q.assignee === "me" ? user.id : q.assignee);
    filters.push(assignee, q.fraud_flag === undefined ? undefined : eq(fraudVerdict, q.fraud_flag ? 1 : 0));
    const where = withVisibility(user, and(...filters));
    const descending = q.sort.startsWith("-");
    const column = CLAIM_SORTS[q.sort.replace(/^-/, "") as ClaimSort];
    const order = descending ? sql`${column} DESC NULLS LAST` : sql`${column} ASC NULLS LAST`;
    const db = c.get("db");
    // Not one db.batch: batched, D1 returns the join's rows keyed by column name, and the
    // prediction's created_at would overwrite the claim's.
    const [rows, totals] = await Promise.all([
      db
        .select({
          claim: claims,
          prediction: predictions,
          assignee: {
            id: assignees.id,
            firstName: assignees.firstName,
            lastName: assignees.lastName,
            email: assignees.email,
          },
        })
        .from(claims)
        .leftJoin(predictions, eq(predictions.claimId, claims.id))
        .leftJoin(assignees, eq(assignees.id, claims.assignedInsurerId))
        .where(where)
        .orderBy(order, descending ? desc(claims.id) : asc(claims.id))
        .limit(pageSize)
        .offset((q.page - 1) * pageSize),
      db.select({ total: count() }).from(claims).leftJoin(predictions, eq(predictions.claimId, claims.id)).where(where),
    ]);
    return c.json(
      {
        claims: rows.map((row) => ({
          ...claimViewFor(user, row.claim, row.prediction),
          ...toClaimWorkflow(row.claim.version, row.assignee, user),
        })),
        total: totals[0]?.total ?? 0,
        page: q.page,
        page_size: pageSize,
        limit: pageSize,
      },
      200,
    );
  });
