import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

const csv = (path: string, text: string) =>
  api(path, { method: "POST", token: admin.token, body: text, headers: { "content-type": "text/csv" } });

describe("code sets", () => {
  it("imports nothing from a file with a bad row, and says which", async () => {
    const body = await expectError(
      await csv("/api/v1/codes/procedures/import", "code,average_cost\nT9101,10\nT9102,minus five\n"),
      400,
      "VALIDATION_ERROR",
    );
    expect(body.error.details).toEqual({
      problems: [{ line: 3, field: "average_cost", message: "Invalid input: expected number, received NaN" }],
    });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM procedure_codes WHERE code = 'T9101'").first<{
      n: number;
    }>();
    expect(count!.n).toBe(0);
  });

  it("refuses non-CSV bodies and unreadable CSV", async () => {
    await expectError(
      await api("/api/v1/codes/diagnoses/import", { method: "POST", token: admin.token, body: { code: "X" } }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(
      await csv("/api/v1/codes/diagnoses/import", 'code,description\n"unterminated,x\n'),
      400,
      "VALIDATION_ERROR",
    );
  });

  it("refuses duplicate codes and rules, and malformed patterns", async () => {
    const code = `K${Math.floor(Math.random() * 9000 + 1000)}`;
    expect(
      (
        await api("/api/v1/codes/diagnoses", {
          method: "POST",
          token: admin.token,
          body: { code, description: "Single" },
        })
      ).status,
    ).toBe(201);
    await expectError(
      await api("/api/v1/codes/diagnoses", {
        method: "POST",
        token: admin.token,
        body: { code, description: "Again" },
      }),
      409,
      "CONFLICT",
    );
    expect(
      (
        await api("/api/v1/codes/rules", {
          method: "POST",
          token: admin.token,
          body: { diagnosis_pattern: code, procedure_pattern: "99*" },
        })
      ).status,
    ).toBe(201);
    await expectError(
      await api("/api/v1/codes/rules", {
        method: "POST",
        token: admin.token,
        body: { diagnosis_pattern: code, procedure_pattern: "99*" },
      }),
      409,
      "CONFLICT",
    );
    await expectError(
      await api("/api/v1/codes/rules", {
        method: "POST",
        token: admin.token,
        body: { diagnosis_pattern: "A*B", procedure_pattern: "1" },
      }),
      400,
      "VALIDATION_ERROR",
    );
  });
});
