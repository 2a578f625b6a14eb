import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

const csv = (path: string, text: string) =>
  api(path, { method: "POST", token: admin.token, body: text, headers: { "content-type": "text/csv" } });

const stored = async (table: "diagnosis_codes" | "procedure_codes", codes: string[]) =>
  (
    await env.DB.prepare(`SELECT code FROM ${table} WHERE code IN (${codes.map(() => "?").join(", ")})`)
      .bind(...codes)
      .all<{ code: string }>()
  ).results.map((row) => row.code);

describe("code-set imports refuse what the JSON routes refuse, by line, and store nothing", () => {
  it("a 15 MB field is a 400 naming its line, read no further", async () => {
    const huge = "x".repeat(15 * 1024 * 1024);
    const body = await expectError(
      await csv("/api/v1/codes/diagnoses/import", `code,description\nQ1001,Fine\n"multi\nline",ok\nQ1002,${huge}\n`),
      400,
      "VALIDATION_ERROR",
    );
    expect(body.error.message).toMatch(/line 5: a field is longer than 4096 characters/);
    expect(body.error.details).toEqual({ line: 5 });
    expect(await stored("diagnosis_codes", ["Q1001", "Q1002"])).toEqual([]);
  });

  it("a description with a control character or NUL, a sub-cent or NaN price, a negative deviation: each refused with its line", async () => {
    const body = await expectError(
      await csv(
        "/api/v1/codes/procedures/import",
        [
          "code,description,average_cost,cost_std_dev",
          "Q2001,Good one,100.00,10",
          "Q2002,Bell\u0007ringer,100,10",
          "Q2003,Nul\u0000byte,100,10",
          "Q2004,Tiny,1e-320,",
          "Q2005,Not a number,NaN,",
          "Q2006,Negative spread,100,-5",
          '"Q2007","Right-to-left \u202eoverride",100,',
        ].join("\n"),
      ),
      400,
      "VALIDATION_ERROR",
    );
    expect(body.error.message).toBe("CSV has 6 invalid row(s), the first on line 3; nothing was imported");
    const problems = (body.error.details as { problems: { line: number; field: string }[] }).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, "description"],
      [4, "description"],
      [5, "average_cost"],
      [6, "average_cost"],
      [7, "cost_std_dev"],
      [8, "description"],
    ]);
    expect(await stored("procedure_codes", ["Q2001"])).toEqual([]);
  });

  it("the same rows pass the JSON route's rules when clean (billable flags, price statistics rounded to the cent)", async () => {
    const res = await csv(
      "/api/v1/codes/diagnoses/import",
      'code,description,billable\nQ30.01,"Clean, quoted",Y\nQ3002,Another,no\n',
    );
    expect(res.status).toBe(200);
    expect(await stored("diagnosis_codes", ["Q3001", "Q3002"])).toEqual(["Q3001", "Q3002"]);
    const flag = await csv("/api/v1/codes/diagnoses/import", "code,description,billable\nQ3003,Odd flag,maybe\n");
    const body = await expectError(flag, 400, "VALIDATION_ERROR");
    expect(body.error.details).toEqual({
      problems: [{ line: 2, field: "billable", message: "Invalid input: expected boolean, received string" }],
    });
  });

  it("more columns than any code set has is unreadable", async () => {
    const wide = `code,description\nQ4001,${Array.from({ length: 300 }, () => "x").join(",")}\n`;
    const body = await expectError(await csv("/api/v1/codes/diagnoses/import", wide), 400, "VALIDATION_ERROR");
    expect(body.error.message).toMatch(/line 2: more than 200 columns/);
  });
});
