/** A JSON client for the local server under benchmark. */
export function apiClient(baseUrl: string) {
  return async (path: string, body: unknown, token?: string): Promise<any> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}
