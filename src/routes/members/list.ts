import { z } from "@hono/zod-openapi";
import { asc, count, eq } from "drizzle-orm";
import { MEMBER_STATUSES, members } from "../../db/schema";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { pageQuery } from "../shared/pagination";
import { protectedRoute } from "../shared/protected-route";
import { memberSchema, toMemberView } from "./schema";

export const memberPageSchema = z
  .object({ members: z.array(memberSchema), total: z.number(), page: z.number(), page_size: z.number() })
  .openapi("MemberPage");

export const listMembersRoute = protectedRoute({
  method: "get",
  path: "/members",
  tags: ["reference data"],
  summary: "List members",
  roles: ["admin"],
  request: {
    query: pageQuery.extend({
      status: z
        .string()
        .transform((s) => s.toUpperCase())
        .pipe(z.enum(MEMBER_STATUSES))
        .optional(),
    }),
  },
  responses: { 200: jsonResponse(memberPageSchema, "A page of members") },
});

export const registerListMembers = (app: Api) =>
  app.openapi(listMembersRoute, async (c) => {
    const { page, page_size, status } = c.req.valid("query");
    const db = c.get("db");
    const where = status ? eq(members.status, status) : undefined;
    const [rows, totals] = await db.batch([
      db
        .select()
        .from(members)
        .where(where)
        .orderBy(asc(members.memberId))
        .limit(page_size)
        .offset((page - 1) * page_size),
      db.select({ total: count() }).from(members).where(where),
    ]);
    return c.json({ members: rows.map(toMemberView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
