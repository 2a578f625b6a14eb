import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser, validationIssues } from "../helpers";
import { freshMember, healthClaim, loadDemoData } from "./claims/health-fixtures";

let admin: TestUser;
let hospital: TestUser;

beforeAll(async () => {
  await loadDemoData();
  admin = await createUser("admin");
  hospital = await createUser("provider", { providerId: "H456" });
});

const NUL = "\u0000";

describe("every route refuses control characters in ids and names, and sub-cent amounts", () => {
  const cases: { name: string; path: string; method?: string; body: () => Promise<unknown>; field: string }[] = [
    {
      name: "a health claim's member id with NUL",
      path: "/api/v1/claims",
      body: async () => healthClaim({ member_id: `M123${NUL}` }),
      field: "body.member_id",
    },
    {
      name: "a health claim's provider id with a line break",
      path: "/api/v1/claims",
      body: async () => healthClaim({ provider_id: "H456\nX" }),
      field: "body.provider_id",
    },
    {
      name: "a health claim of 1e-320",
      path: "/api/v1/claims",
      body: async () => healthClaim({ member_id: await freshMember(1000), claim_amount: 1e-320 }),
      field: "body.claim_amount",
    },
    {
      name: "a health claim of 0.001",
      path: "/api/v1/claims",
      body: async () => healthClaim({ member_id: await freshMember(1000), claim_amount: 0.001 }),
      field: "body.claim_amount",
    },
    {
      name: "a health claim's notes with an escape sequence",
      path: "/api/v1/claims",
      body: async () => healthClaim({ member_id: await freshMember(1000), notes: "ok\u001b[2J" }),
      field: "body.notes",
    },
    {
      name: "a member's first name with a bell",
      path: "/api/v1/members",
      body: async () => ({ member_id: "M-CTRL-1", first_name: "Ann\u0007", benefit_limit: 100 }),
      field: "body.first_name",
    },
    {
      name: "a member's benefit of 1e-320",
      path: "/api/v1/members",
      body: async () => ({ member_id: "M-CTRL-2", benefit_limit: 1e-320 }),
      field: "body.benefit_limit",
    },
    {
      name: "a provider's name with a right-to-left override",
      path: "/api/v1/providers",
      body: async () => ({ provider_id: "H-CTRL-1", name: "General \u202eHospital" }),
      field: "body.name",
    },
    {
      name: "a diagnosis description with NUL",
      path: "/api/v1/codes/diagnoses",
      body: async () => ({ code: "Q9901", description: `Cholera${NUL}` }),
      field: "body.description",
    },
    {
      name: "a user's last name with NUL",
      path: "/api/v1/auth/register",
      body: async () => ({
        email: "ctrl@claimsedge.test",
        password: "long-enough-password",
        first_name: "Ann",
        last_name: `Lee${NUL}`,
        role: "insurer",
      }),
      field: "body.last_name",
    },
    {
      name: "a fraud-score category with NUL",
      path: "/api/v1/fraud/score",
      body: async () => ({ incident_severity: `Major Damage${NUL}` }),
      field: "body.incident_severity",
    },
    {
      name: "a fraud-score date that does not exist",
      path: "/api/v1/fraud/score",
      body: async () => ({ policy_bind_date: "31/02/2014" }),
      field: "body.policy_bind_date",
    },
  ];

  it.each(cases)("$name → 400 on $field", async ({ path, method, body, field }) => {
    const token = path === "/api/v1/claims" ? hospital.token : admin.token;
    const res = await api(path, { method: method ?? "POST", token, body: await body() });
    const error = await expectError(res, 400, "VALIDATION_ERROR");
    expect(validationIssues(error).map((issue) => issue.path)).toContain(field);
  });
});
