import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../../auth/middleware";
import { hashPassword } from "../../../auth/password";
import { auditInsert } from "../../../audit";
import { ROLES, users } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { isUniqueViolation } from "../../../db/errors";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../../shared/responses";
import { emailSchema, toUserView, userSchema } from "../schema";

const registerRequest = z
  .object({
    email: emailSchema.openapi({ example: "adjuster@insurer.example" }),
    password: z.string().min(8, "must be at least 8 characters").max(256),
    first_name: z.string().trim().min(1).max(100),
    last_name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    provider_id: z.string().trim().min(1).max(64).optional(),
    customer_id: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === "provider" && !body.provider_id)
      ctx.addIssue({ code: "custom", path: ["provider_id"], message: "is required for the provider role" });
    if (body.role === "customer" && !body.customer_id)
      ctx.addIssue({ code: "custom", path: ["customer_id"], message: "is required for the customer role" });
    if (body.role !== "provider" && body.provider_id)
      ctx.addIssue({ code: "custom", path: ["provider_id"], message: "is only allowed for the provider role" });
    if (body.role !== "customer" && body.customer_id)
      ctx.addIssue({ code: "custom", path: ["customer_id"], message: "is only allowed for the customer role" });
  })
  .openapi("RegisterRequest");

const registerResponse = z.object({ message: z.string(), user: userSchema }).openapi("RegisterResponse");

export const registerRoute = createRoute({
  method: "post",
  path: "/auth/register",
  tags: ["auth"],
  summary: "Create a user (admin only)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: registerRequest } } } },
  responses: {
    201: { description: "User created", content: { "application/json": { schema: registerResponse } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("A user with this email already exists"),
  },
});

export const registerRegister = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const admin = c.get("user");
    const row = {
      id: crypto.randomUUID(),
      email: body.email,
      passwordHash: await hashPassword(body.password),
      firstName: body.first_name,
      lastName: body.last_name,
      role: body.role,
      providerId: body.provider_id ?? null,
      customerId: body.customer_id ?? null,
      createdAt: new Date().toISOString(),
    };
    const view = toUserView(row);
    try {
      await db.batch([
        db.insert(users).values(row),
        auditInsert(db, {
          entityType: "user",
          entityId: row.id,
          action: "user.registered",
          actor: admin,
          after: view,
          requestId: c.get("requestId"),
        }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", "Email already exists", { details: { email: body.email } });
      throw err;
    }
    return c.json({ message: "User created successfully", user: view }, 201);
  });
