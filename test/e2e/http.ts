import { inject } from "vitest";

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

/** One HTTP call to the wrangler dev under test; JSON in, JSON (or text) out. */
export async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(`${inject("baseUrl")}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML pages and other text stay text
  }
  return { status: res.status, headers: res.headers, body };
}

export async function adminToken(): Promise<string> {
  const login = await call("/api/v1/auth/login", { method: "POST", body: { email: inject("adminEmail"), password: inject("adminPassword") } });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
  return login.body.access_token;
}

/** Registers a user through the API and logs in as it. */
export async function registeredUser(admin: string, role: string, extra: Record<string, string> = {}): Promise<string> {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
  const password = "e2e-password-123";
  const registered = await call("/api/v1/auth/register", { method: "POST", token: admin, body: { email, password, first_name: "E2E", last_name: role, role, ...extra } });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const login = await call("/api/v1/auth/login", { method: "POST", body: { email, password } });
  return login.body.access_token;
}
