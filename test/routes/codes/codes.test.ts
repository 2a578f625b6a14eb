import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

const csv = (path: string, text: string, token = admin.token) =>
  api(path, { method: "POST", token, body: text, headers: { "content-type": "text/csv" } });

describe("code sets", () => {
  it("imports diagnoses from an ICD-10-CM style CSV and finds them by code or words", async () => {
    const res = await csv("/api/v1/codes/diagnoses/import", 'code,billable,description\nQ1000,1,"Test condition, left"\nQ100,0,Test category\n');
    expect(await json(res)).toEqual({ imported: 2, source_rows: 2 });
    const byCode = await json(await api("/api/v1/codes/diagnoses?q=Q10.00", { token: admin.token }));
    expect(byCode.codes[0]).toMatchObject({ code: "Q1000", billable: true });
    const byWords = await json(await api("/api/v1/codes/diagnoses?q=category", { token: admin.token }));
    expect(byWords.codes.map((c: { code: string }) => c.code)).toContain("Q100");
  });

  it("imports a price list that updates prices and keeps descriptions", async () => {
    await api("/api/v1/codes/procedures", { method: "POST", token: admin.token, body: { code: "T9001", description: "Test procedure" } });
    const res = await csv("/api/v1/codes/procedures/import", "hcpcs_code,mean_avg_medicare_payment,stdev_avg_medicare_payment\nT9001,120.50,30.25\nT9002,80,10\n");
    expect(res.status).toBe(200);
    const list = await json(await api("/api/v1/codes/procedures?q=T900", { token: admin.token }));
    expect(list.codes).toEqual([
      expect.objectContaining({ code: "T9001", description: "Test procedure", average_cost: 120.5, cost_std_dev: 30.25 }),
      expect.objectContaining({ code: "T9002", description: "T9002", average_cost: 80, cost_std_dev: 10 }),
    ]);
  });

  it("imports nothing from a file with a bad row, and says which", async () => {
    const body = await expectError(await csv("/api/v1/codes/procedures/import", "code,average_cost\nT9101,10\nT9102,minus five\n"), 400, "VALIDATION_ERROR");
    expect(body.error.details.problems).toEqual([{ line: 3, message: "invalid average_cost 'minus five' for T9102" }]);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM procedure_codes WHERE code = 'T9101'").first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("imports many rows in one request", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `R${String(i).padStart(5, "0")},1,Bulk code ${i}`);
    const res = await csv("/api/v1/codes/diagnoses/import", `code,billable,description\n${rows.join("\n")}\n`);
    expect(await json(res)).toEqual({ imported: 3000, source_rows: 3000 });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM diagnosis_codes WHERE code LIKE 'R0%'").first<{ n: number }>();
    expect(count!.n).toBe(3000);
  });

  it("refuses non-CSV bodies, unreadable CSV and non-admins", async () => {
    await expectError(await api("/api/v1/codes/diagnoses/import", { method: "POST", token: admin.token, body: { code: "X" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectError(await csv("/api/v1/codes/diagnoses/import", 'code,description\n"unterminated,x\n'), 400, "VALIDATION_ERROR");
    const insurer = await createUser("insurer");
    await expectError(await csv("/api/v1/codes/diagnoses/import", "code,description\nA1,x\n", insurer.token), 403, "FORBIDDEN");
  });

  it("adds single codes and allowed pairs, refusing duplicates", async () => {
    const code = `K${Math.floor(Math.random() * 9000 + 1000)}`;
    expect((await api("/api/v1/codes/diagnoses", { method: "POST", token: admin.token, body: { code, description: "Single" } })).status).toBe(201);
    await expectError(await api("/api/v1/codes/diagnoses", { method: "POST", token: admin.token, body: { code, description: "Again" } }), 409, "CONFLICT");
    const rule = await api("/api/v1/codes/rules", { method: "POST", token: admin.token, body: { diagnosis_pattern: `${code}`, procedure_pattern: "99*" } });
    expect(await json(rule)).toMatchObject({ diagnosis_pattern: code, procedure_pattern: "99*" });
    await expectError(await api("/api/v1/codes/rules", { method: "POST", token: admin.token, body: { diagnosis_pattern: code, procedure_pattern: "99*" } }), 409, "CONFLICT");
    await expectError(await api("/api/v1/codes/rules", { method: "POST", token: admin.token, body: { diagnosis_pattern: "A*B", procedure_pattern: "1" } }), 400, "VALIDATION_ERROR");
    const rules = await json(await api("/api/v1/codes/rules", { token: admin.token }));
    expect(rules.rules).toContainEqual(expect.objectContaining({ diagnosis_pattern: code, procedure_pattern: "99*" }));
  });
});
