import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { claimCount, freshMember, healthClaim, loadDemoData } from "./health-fixtures";

let hospital: TestUser;
let member: string;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
  member = await freshMember(50_000);
});

describe("POST /api/v1/claims", () => {
  it("a provider user posting for another provider → 403, nothing written", async () => {
    const res = await api("/api/v1/claims", {
      method: "POST",
      token: hospital.token,
      body: healthClaim({ member_id: member, provider_id: "H457" }),
    });
    await expectError(res, 403, "FORBIDDEN");
    expect(await claimCount(member)).toBe(0);
  });

  it("customers and insurers may not submit health claims", async () => {
    for (const role of ["customer", "insurer"] as const) {
      const user = await createUser(role);
      await expectError(
        await api("/api/v1/claims", { method: "POST", token: user.token, body: healthClaim({ member_id: member }) }),
        403,
        "FORBIDDEN",
      );
    }
    await expectError(
      await api("/api/v1/claims", { method: "POST", body: healthClaim({ member_id: member }) }),
      401,
      "UNAUTHORIZED",
    );
    expect(await claimCount(member)).toBe(0);
  });
});
