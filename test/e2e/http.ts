import { inject } from "vitest";
import type { z } from "zod";
import type { ErrorCode } from "../../src/errors/codes";
import { errorBodySchema } from "../../src/errors/error-body";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { registerResponseSchema } from "../../src/routes/auth/register/post";
import { postCustomerRoute } from "../../src/routes/customers/post";
import { signupBody } from "../customers/signup-body";
import { checkedBody, declaredSchema } from "../typed-response";

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text of anything else; read it through `as` or `expectErrorCode`. */
  body: unknown;
}

type CallInit = { method?: string; token?: string; body?: unknown; headers?: Record<string, string> };

/** One HTTP call to the wrangler dev under test; JSON in, JSON (or text) out. */
export async function call(path: string, init: CallInit = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${inject("baseUrl")}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML pages and other text stay text
  }
  return { status: res.status, headers: res.headers, body };
}

/** The result's body, which must have come with `status` and match the route's `schema`; typed by it. */
export const as = <Schema extends z.ZodType>(result: HttpResult, schema: Schema, status = 200): z.infer<Schema> =>
  checkedBody(result.body, result.status, schema, status);

/** Asserts the one error shape with this status and code. */
export function expectErrorCode(result: HttpResult, status: number, code: ErrorCode): void {
  if (as(result, errorBodySchema, status).error.code !== code)
    throw new Error(`expected ${code}, got ${JSON.stringify(result.body)}`);
}

export async function adminToken(): Promise<string> {
  const login = await call("/api/v1/auth/login", {
    method: "POST",
    body: { email: inject("adminEmail"), password: inject("adminPassword") },
  });
  return as(login, loginResponseSchema).access_token;
}

/** Registers a user through the API and logs in as it. */
export async function registeredUser(admin: string, role: string, extra: Record<string, string> = {}): Promise<string> {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
  const password = "e2e-password-123";
  const registered = await call("/api/v1/auth/register", {
    method: "POST",
    token: admin,
    body: { email, password, first_name: "E2E", last_name: role, role, ...extra },
  });
  as(registered, registerResponseSchema, 201);
  const login = await call("/api/v1/auth/login", { method: "POST", body: { email, password } });
  return as(login, loginResponseSchema).access_token;
}

/** A customer signed up through the app's public signup (POST /customers), logged in. */
export async function signedUpCustomer(): Promise<{ customerId: string; token: string }> {
  const body = signupBody();
  const signup = await call("/api/v1/customers", { method: "POST", body });
  const { customer_id } = as(signup, declaredSchema(postCustomerRoute, 202), 202) as { customer_id: string };
  const login = await call("/api/v1/auth/login", {
    method: "POST",
    body: { email: body.email, password: body.password },
  });
  return { customerId: customer_id, token: as(login, loginResponseSchema).access_token };
}
