import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { postPolicyImportRoute } from "../../../src/routes/policies/import/post";
import { api, createUser, expectError, readAs, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

const importPolicies = (text: string) =>
  api("/api/v1/policies/import", {
    method: "POST",
    token: admin.token,
    body: text,
    headers: { "content-type": "text/csv" },
  });

const HEADER =
  "policy_number,policy_bind_date,policy_annual_premium,umbrella_limit,months_as_customer,age,capital-loss";

const storedPolicies = async (prefix: string) =>
  (
    await env.DB.prepare("SELECT policy_number FROM policies WHERE policy_number LIKE ? ORDER BY policy_number")
      .bind(`${prefix}%`)
      .all<{ policy_number: string }>()
  ).results.map((row) => row.policy_number);

describe("policy imports check every row with the fraud-scoring route's rules", () => {
  it("refuses NaN, negative amounts, impossible dates and out-of-range ages by line, and stores nothing", async () => {
    const body = await expectError(
      await importPolicies(
        [
          HEADER,
          "PX-1001,17/10/2014,1406.91,0,328,48,0",
          "PX-1002,17/10/2014,NaN,0,12,30,0",
          "PX-1003,2014-10-17,-250,0,12,30,0",
          "PX-1004,31/02/2014,1000,0,12,30,0",
          "PX-1005,17/13/2014,1000,0,12,30,0",
          "PX-1006,17/10/2014,1000,-1000000,12,30,0",
          "PX-1007,17/10/2014,1000,0,12,430,0",
          "PX-1008,17/10/2014,1000,0,1.5,30,0",
          "PX-1001,18/10/2014,1000,0,12,30,0",
          "PX\u00001009,17/10/2014,1000,0,12,30,0",
        ].join("\n"),
      ),
      400,
      "VALIDATION_ERROR",
    );
    const problems = (body.error.details as { problems: { line: number; field: string }[] }).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, "policy_annual_premium"],
      [4, "policy_annual_premium"],
      [5, "policy_bind_date"],
      [6, "policy_bind_date"],
      [7, "umbrella_limit"],
      [8, "age"],
      [9, "months_as_customer"],
      [10, "policy_number"],
      [11, "policy_number"],
    ]);
    expect(await storedPolicies("PX-")).toEqual([]);
  });

  it("keeps the data set's own conventions: DD/MM/YYYY dates, '?' as missing, negative capital-loss", async () => {
    const res = await importPolicies(`${HEADER},insured_hobbies\nPY-2001,17/10/2014,1406.91,0,328,48,-52000,?\n`);
    expect(await readAs(res, postPolicyImportRoute, 200)).toEqual({ imported: 1 });
    const stored = await env.DB.prepare("SELECT attributes FROM policies WHERE policy_number = 'PY-2001'").first<{
      attributes: string;
    }>();
    expect(JSON.parse(stored!.attributes)).toEqual({
      policy_bind_date: "17/10/2014",
      policy_annual_premium: "1406.91",
      umbrella_limit: "0",
      months_as_customer: "328",
      age: "48",
      "capital-loss": "-52000",
    });
  });
});
