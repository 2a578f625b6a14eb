import { z } from "@hono/zod-openapi";
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { ROLES, users } from "../../db/schema";
import type { Api } from "../api";
import { toUserView } from "../auth/schema";
import { jsonResponse } from "../shared/content";
import { pageQuery } from "../shared/pagination";
import { protectedRoute } from "../shared/protected-route";
import { userPageSchema } from "./schema";

export const listUsersRoute = protectedRoute({
  method: "get",
  path: "/users",
  tags: ["users"],
  summary: "List users (filters: role, active)",
  roles: ["admin"],
  request: {
    query: pageQuery.extend({
      role: z.enum(ROLES).optional(),
      active: z.enum(["true", "false"]).optional(),
    }),
  },
  responses: { 200: jsonResponse(userPageSchema, "A page of users") },
});

export const registerListUsers = (app: Api) =>
  app.openapi(listUsersRoute, async (c) => {
    const { page, page_size, role, active } = c.req.valid("query");
    const db = c.get("db");
    const conditions: SQL[] = [];
    if (role) conditions.push(eq(users.role, role));
    if (active) conditions.push(eq(users.active, active === "true"));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [rows, totals] = await db.batch([
      db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(page_size)
        .offset((page - 1) * page_size),
      db.select({ total: count() }).from(users).where(where),
    ]);
    return c.json({ users: rows.map(toUserView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
