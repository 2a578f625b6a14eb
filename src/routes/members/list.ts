import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, count, eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { MEMBER_STATUSES, members } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { authErrors, bearerSecurity, validationErrors } from "../shared/responses";
import { pageQuery } from "../shared/pagination";
import { memberSchema, toMemberView } from "./schema";

export const listMembersRoute = createRoute({
  method: "get",
  path: "/members",
  tags: ["reference data"],
  summary: "List members (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: {
    query: pageQuery.extend({ status: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(MEMBER_STATUSES)).optional() }),
  },
  responses: {
    200: {
      description: "A page of members",
      content: { "application/json": { schema: z.object({ members: z.array(memberSchema), total: z.number(), page: z.number(), page_size: z.number() }) } },
    },
    ...validationErrors,
    ...authErrors,
  },
});

export const registerListMembers = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(listMembersRoute, async (c) => {
    const { page, page_size, status } = c.req.valid("query");
    const db = c.get("db");
    const where = status ? eq(members.status, status) : undefined;
    const [rows, totals] = await db.batch([
      db.select().from(members).where(where).orderBy(asc(members.memberId)).limit(page_size).offset((page - 1) * page_size),
      db.select({ total: count() }).from(members).where(where),
    ]);
    return c.json({ members: rows.map(toMemberView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
