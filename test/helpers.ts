import { env, exports } from "cloudflare:workers";
import { hashPassword } from "../src/auth/password";
import { issueAccessToken } from "../src/auth/tokens";
import { createDatabase } from "../src/db/client";
import { users, type Role } from "../src/db/schema";
import { appConfig } from "../src/env";

export const db = () => createDatabase(env.DB);

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  token: string;
  providerId: string | null;
  customerId: string | null;
}

/** Inserts a user straight into D1 and signs a token for it. */
export async function createUser(
  role: Role,
  options: { providerId?: string; customerId?: string; password?: string } = {},
): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${role}-${id.slice(0, 8)}@claimsedge.test`;
  const password = options.password ?? `pw-${id}`;
  const providerId = options.providerId ?? (role === "provider" ? `H-${id.slice(0, 6)}` : null);
  const customerId = options.customerId ?? (role === "customer" ? `CUST-${id.slice(0, 6)}` : null);
  await db()
    .insert(users)
    .values({ id, email, passwordHash: await hashPassword(password), firstName: "Test", lastName: role, role, providerId, customerId });
  const token = await issueAccessToken({ id, email, role, providerId, customerId }, appConfig(env));
  return { id, email, password, role, token, providerId, customerId };
}

type JsonInit = Omit<RequestInit, "body"> & { body?: unknown; token?: string; ip?: string };

/** Calls the Worker the way a client does, with a JSON body and an optional bearer token. */
export async function api(path: string, init: JsonInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.ip) headers.set("cf-connecting-ip", init.ip);
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    if (typeof init.body === "string" || init.body instanceof ArrayBuffer || init.body instanceof Uint8Array || init.body instanceof FormData) {
      body = init.body as BodyInit;
    } else {
      body = JSON.stringify(init.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  return exports.default.fetch(new Request(`http://claimsedge.test${path}`, { ...init, headers, body }));
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Asserts the one error shape and returns the body for further checks. */
export async function expectError(response: Response, status: number, code: string) {
  const body = await json(response);
  if (response.status !== status || body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(body)}`);
  }
  if (typeof body.error.message !== "string" || typeof body.timestamp !== "string") {
    throw new Error(`error body is not in the shared shape: ${JSON.stringify(body)}`);
  }
  if (!response.headers.get("x-request-id")) throw new Error("missing X-Request-Id header");
  return body;
}

export const uniqueIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
