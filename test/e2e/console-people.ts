import type { Page } from "playwright-core";
import { inject } from "vitest";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { registerResponseSchema } from "../../src/routes/auth/register/post";
import { as, call } from "./http";

// The people of the console's browser tests: registered through the API, logged in through the page.

export interface Person {
  email: string;
  password: string;
  token: string;
  id: string;
}

export async function person(admin: string, role: string, extra: Record<string, string> = {}): Promise<Person> {
  const email = `console-${role}-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
  const password = "console-password-123";
  const registered = as(
    await call("/api/v1/auth/register", {
      method: "POST",
      token: admin,
      body: { email, password, first_name: "Console", last_name: role, role, ...extra },
    }),
    registerResponseSchema,
    201,
  );
  const login = as(
    await call("/api/v1/auth/login", { method: "POST", body: { email, password } }),
    loginResponseSchema,
  );
  return { email, password, token: login.access_token, id: registered.user.id };
}

export async function logIn(page: Page, who: Person): Promise<void> {
  await page.goto(inject("baseUrl"));
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}
