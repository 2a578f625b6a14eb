import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DIAGNOSIS_CODES, PROCEDURE_CODES } from "../../../src/routes/codes/code-set/code-sets";
import { postCodeImportRoute } from "../../../src/routes/codes/code-set/import/post";
import { listCodesRoute } from "../../../src/routes/codes/code-set/list";
import { postCodeRoute } from "../../../src/routes/codes/code-set/post";
import { listRulesRoute } from "../../../src/routes/codes/rules/list";
import { postRuleRoute } from "../../../src/routes/codes/rules/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

const csv = (path: string, text: string) =>
  api(path, { method: "POST", token: admin.token, body: text, headers: { "content-type": "text/csv" } });

describe("code sets", () => {
  it("imports diagnoses from an ICD-10-CM style CSV and finds them by code or words", async () => {
    const res = await csv(
      "/api/v1/codes/diagnoses/import",
      'code,billable,description\nQ1000,1,"Test condition, left"\nQ100,0,Test category\n',
    );
    expect(await readAs(res, postCodeImportRoute(DIAGNOSIS_CODES), 200)).toEqual({ imported: 2, source_rows: 2 });
    const byCode = await readAs(
      await api("/api/v1/codes/diagnoses?q=Q10.00", { token: admin.token }),
      listCodesRoute(DIAGNOSIS_CODES),
      200,
    );
    expect(byCode.codes[0]).toMatchObject({ code: "Q1000", billable: true });
    const byWords = await readAs(
      await api("/api/v1/codes/diagnoses?q=category", { token: admin.token }),
      listCodesRoute(DIAGNOSIS_CODES),
      200,
    );
    expect(byWords.codes.map((c) => c.code)).toContain("Q100");
  });

  it("imports a price list that updates prices and keeps descriptions", async () => {
    const created = await api("/api/v1/codes/procedures", {
      method: "POST",
      token: admin.token,
      body: { code: "T9001", description: "Test procedure" },
    });
    await readAs(created, postCodeRoute(PROCEDURE_CODES), 201);
    const res = await csv(
      "/api/v1/codes/procedures/import",
      "hcpcs_code,mean_avg_medicare_payment,stdev_avg_medicare_payment\nT9001,120.50,30.25\nT9002,80,10\n",
    );
    await readAs(res, postCodeImportRoute(PROCEDURE_CODES), 200);
    const list = await readAs(
      await api("/api/v1/codes/procedures?q=T900", { token: admin.token }),
      listCodesRoute(PROCEDURE_CODES),
      200,
    );
    expect(list.codes).toEqual([
      expect.objectContaining({
        code: "T9001",
        description: "Test procedure",
        average_cost: 120.5,
        cost_std_dev: 30.25,
      }),
      expect.objectContaining({ code: "T9002", description: "T9002", average_cost: 80, cost_std_dev: 10 }),
    ]);
  });

  it("imports many rows in one request", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `R${String(i).padStart(5, "0")},1,Bulk code ${i}`);
    const res = await csv("/api/v1/codes/diagnoses/import", `code,billable,description\n${rows.join("\n")}\n`);
    expect(await readAs(res, postCodeImportRoute(DIAGNOSIS_CODES), 200)).toEqual({ imported: 3000, source_rows: 3000 });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM diagnosis_codes WHERE code LIKE 'R0%'").first<{
      n: number;
    }>();
    expect(count!.n).toBe(3000);
  });

  it("adds single codes and allowed pairs", async () => {
    const code = `K${Math.floor(Math.random() * 9000 + 1000)}`;
    await readAs(
      await api("/api/v1/codes/diagnoses", {
        method: "POST",
        token: admin.token,
        body: { code, description: "Single" },
      }),
      postCodeRoute(DIAGNOSIS_CODES),
      201,
    );
    const rule = await api("/api/v1/codes/rules", {
      method: "POST",
      token: admin.token,
      body: { diagnosis_pattern: `${code}`, procedure_pattern: "99*" },
    });
    expect(await readAs(rule, postRuleRoute, 201)).toMatchObject({ diagnosis_pattern: code, procedure_pattern: "99*" });
    const rules = await readAs(await api("/api/v1/codes/rules", { token: admin.token }), listRulesRoute, 200);
    expect(rules.rules).toContainEqual(expect.objectContaining({ diagnosis_pattern: code, procedure_pattern: "99*" }));
  });
});
