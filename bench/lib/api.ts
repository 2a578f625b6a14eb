import { loginResponseSchema } from "../../src/routes/auth/login/post";

/** A JSON client for the local server under benchmark. */
export function apiClient(baseUrl: string) {
  const post = async (path: string, body: unknown, token?: string): Promise<unknown> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  /** The bearer token for a user. */
  const login = async (email: string, password: string): Promise<string> =>
    loginResponseSchema.parse(await post("/api/v1/auth/login", { email, password })).access_token;
  return { post, login };
}
