import { z } from "@hono/zod-openapi";
import { hashPassword } from "../../../auth/password";
import { insertAudited } from "../../../db/insert-audited";
import { ROLES, users } from "../../../db/schema";
import { printableLine } from "../../../domain/input-rules";
import { bindingProblems } from "../../../domain/users/user-change";
import { requireBindingExists } from "../../../users/binding";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { emailSchema, toUserView, userSchema } from "../schema";

const registerRequest = z
  .object({
    email: emailSchema.openapi({ example: "adjuster@insurer.example" }),
    password: z.string().min(8, "must be at least 8 characters").max(256),
    first_name: printableLine(1, 100),
    last_name: printableLine(1, 100),
    role: z.enum(ROLES),
    provider_id: printableLine(1, 64).optional(),
    customer_id: printableLine(1, 64).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const access = { role: body.role, providerId: body.provider_id ?? null, customerId: body.customer_id ?? null };
    for (const problem of bindingProblems(access)) {
      const [field, ...rest] = problem.split(" ");
      ctx.addIssue({ code: "custom", path: [field!], message: rest.join(" ") });
    }
  })
  .openapi("RegisterRequest");

export const registerResponseSchema = z.object({ message: z.string(), user: userSchema }).openapi("RegisterResponse");

export const postRegisterRoute = protectedRoute({
  method: "post",
  path: "/auth/register",
  tags: ["auth"],
  summary: "Create a user",
  roles: ["admin"],
  rateLimit: { family: "registration", tier: "expensive" },
  request: { body: jsonBody(registerRequest) },
  responses: { 201: jsonResponse(registerResponseSchema, "User created") },
  errors: {
    409: "A user with this email already exists",
  },
});

export const registerPostRegister = (app: Api) =>
  app.openapi(postRegisterRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const admin = c.get("user");
    await requireBindingExists(db, { providerId: body.provider_id ?? null, customerId: body.customer_id ?? null });
    const row = {
      id: crypto.randomUUID(),
      email: body.email,
      passwordHash: await hashPassword(body.password),
      firstName: body.first_name,
      lastName: body.last_name,
      role: body.role,
      providerId: body.provider_id ?? null,
      customerId: body.customer_id ?? null,
      active: true,
      deactivatedAt: null,
      createdAt: new Date().toISOString(),
    };
    const view = toUserView(row);
    await insertAudited(
      db,
      db.insert(users).values(row),
      {
        entityType: "user",
        entityId: row.id,
        action: "user.registered",
        actor: admin,
        after: view,
        requestId: c.get("requestId"),
      },
      { message: "Email already exists", details: { email: body.email } },
    );
    return c.json({ message: "User created successfully", user: view }, 201);
  });
