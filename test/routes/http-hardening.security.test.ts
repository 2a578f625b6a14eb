import { describe, expect, it } from "vitest";
import { API_REFERENCE_SCRIPT, DOCS_INIT_PATH } from "../../src/docs/api-reference-page";
import { attachmentDisposition } from "../../src/domain/http/content-disposition";
import typedForm from "../fixtures/documents/typed-form.pdf";
import { api, createUser } from "../helpers";
import { acceptedUpload } from "./claims/document-fixtures";

// wrangler.toml's CORS_ORIGINS holds the console's dev origin.
const ALLOWED = "http://localhost:5173";

describe("security headers", () => {
  it("every response carries nosniff, DENY framing and no referrer — errors and public routes too", async () => {
    const insurer = await createUser("insurer");
    for (const res of [
      await api("/health"),
      await api("/api/v1/openapi.json"),
      await api("/api/v1/auth/me"),
      await api("/api/v1/nowhere"),
      await api("/api/v1/auth/session", { token: insurer.token }),
    ]) {
      expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("authenticated responses and token responses are never stored; public ones may be", async () => {
    const insurer = await createUser("insurer");
    expect((await api("/api/v1/auth/session", { token: insurer.token })).headers.get("cache-control")).toBe("no-store");
    expect((await api("/api/v1/claims", { token: insurer.token })).headers.get("cache-control")).toBe("no-store");
    // A refused token is still a credential-bearing request.
    expect((await api("/api/v1/claims", { token: "a.b.c" })).headers.get("cache-control")).toBe("no-store");
    const login = await api("/api/v1/auth/login", {
      method: "POST",
      body: { email: insurer.email, password: insurer.password },
    });
    expect(login.headers.get("cache-control")).toBe("no-store");
    expect((await api("/api/v1/openapi.json")).headers.get("cache-control")).not.toBe("no-store");
  });
});

describe("the docs page", () => {
  it("loads the API reference pinned to one version with integrity, configured by our own script, under a CSP", async () => {
    const res = await api("/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[2]!.trim())).toEqual(["", ""]); // no inline script
    const external = scripts.map((m) => m[1]!);
    expect(external[0]).toContain(`src="${API_REFERENCE_SCRIPT.url}"`);
    expect(external[0]).toMatch(/integrity="sha384-[A-Za-z0-9+/]{64}"/);
    expect(API_REFERENCE_SCRIPT.url).toMatch(/@\d+\.\d+\.\d+\//);
    expect(external[1]).toContain(`src="${DOCS_INIT_PATH}"`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const init = await api(DOCS_INIT_PATH);
    expect(init.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await init.text()).toContain('"url":"/api/v1/openapi.json"');
  });
});

describe("CORS", () => {
  it("answers a preflight from an allowed origin with the methods and headers the API takes", async () => {
    const res = await api("/api/v1/claims/validate", {
      method: "OPTIONS",
      headers: {
        origin: ALLOWED,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("names an allowed origin on responses (never *), and no origin for anyone else", async () => {
    const insurer = await createUser("insurer");
    const allowed = await api("/api/v1/auth/session", { token: insurer.token, headers: { origin: ALLOWED } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    expect(allowed.headers.get("vary")).toContain("Origin");
    for (const origin of ["https://evil.example", "null", `${ALLOWED}.evil.example`]) {
      const refused = await api("/api/v1/auth/session", { token: insurer.token, headers: { origin } });
      expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
      const preflight = await api("/api/v1/claims", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });
});

describe("downloads", () => {
  it("serve the claim PDF as an attachment whatever its uploaded name", async () => {
    const insurer = await createUser("insurer");
    const accepted = await acceptedUpload(typedForm, insurer.token, '事故 "報告" 2026.pdf');
    const download = await api(`/api/v1/claims/${accepted.claim_id}/document`, { token: insurer.token });
    expect(download.status).toBe(200);
    const disposition = download.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/2026\.pdf$/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each([
    ["claim.pdf", `attachment; filename="claim.pdf"; filename*=UTF-8''claim.pdf`],
    ["", `attachment; filename="claim.pdf"; filename*=UTF-8''claim.pdf`],
    ['a"b;c/d.pdf', `attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%22b%3Bc%2Fd.pdf`],
    ["résumé.pdf", `attachment; filename="resume.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`],
    ["保険.pdf", `attachment; filename=".pdf"; filename*=UTF-8''%E4%BF%9D%E9%99%BA.pdf`],
    ["\r\nSet-Cookie: x", `attachment; filename="Set-Cookie: x"; filename*=UTF-8''Set-Cookie%3A%20x`],
    ["a\r\nb.pdf", `attachment; filename="ab.pdf"; filename*=UTF-8''a%0D%0Ab.pdf`],
  ])("attachmentDisposition(%j)", (name, header) => {
    expect(attachmentDisposition(name, "claim.pdf")).toBe(header);
  });
});
