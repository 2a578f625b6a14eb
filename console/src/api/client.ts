import createClient, { type Middleware } from "openapi-fetch";
import { session } from "../session";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

/** The API, typed by the OpenAPI document the Worker serves (schema.d.ts is generated from it). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

const bearer: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set("authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: back to the login screen rather than a page of errors.
    if (response.status === 401 && session.token()) session.expire();
    return response;
  },
};
api.use(bearer);

/** The API's error body in words: its message, and each invalid field's problem. */
export function errorText(error: unknown, fallback = "The request failed"): string {
  const body = error as { error?: { message?: string; details?: { issues?: { path: string; message: string }[] } } };
  const message = body?.error?.message;
  if (!message) return fallback;
  const issues = body.error?.details?.issues ?? [];
  return issues.length ? `${message}: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}` : message;
}

/** A binary resource the API guards (a claim's PDF or photo) as an object URL for the page. */
export async function protectedObjectUrl(path: string): Promise<string> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ""}` } });
  if (!res.ok) throw new Error(errorText(await res.json().catch(() => null), `${res.status} ${res.statusText}`));
  return URL.createObjectURL(await res.blob());
}

/** A CSV report downloaded with the caller's token and handed to the browser as a file. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const url = await protectedObjectUrl(path);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
