import { beforeAll, describe, it } from "vitest";
import type { ErrorCode } from "../../../src/errors/codes";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;
const newId = () => `M-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  admin = await createUser("admin");
});

describe("members", () => {
  it.each([
    ["a duplicate id", (id: string) => ({ member_id: id, benefit_limit: 1 }), 409, "CONFLICT"],
    [
      "remaining above the limit",
      (id: string) => ({ member_id: `${id}x`, benefit_limit: 10, remaining_benefit: 11 }),
      400,
      "VALIDATION_ERROR",
    ],
    ["a negative limit", (id: string) => ({ member_id: `${id}y`, benefit_limit: -1 }), 400, "VALIDATION_ERROR"],
    [
      "an unknown status",
      (id: string) => ({ member_id: `${id}z`, benefit_limit: 1, status: "GOLD" }),
      400,
      "VALIDATION_ERROR",
    ],
  ] as const)("refuses %s", async (_, body, status, code: ErrorCode) => {
    const id = newId();
    await api("/api/v1/members", { method: "POST", token: admin.token, body: { member_id: id, benefit_limit: 1 } });
    await expectError(
      await api("/api/v1/members", { method: "POST", token: admin.token, body: body(id) }),
      status,
      code,
    );
  });

  it("answers 404 for a missing member and refuses an empty or contradictory patch", async () => {
    await expectError(await api("/api/v1/members/NOPE", { token: admin.token }), 404, "NOT_FOUND");
    await expectError(
      await api("/api/v1/members/NOPE", { method: "PATCH", token: admin.token, body: { status: "ACTIVE" } }),
      404,
      "NOT_FOUND",
    );
    await expectError(
      await api("/api/v1/members/NOPE", { method: "PATCH", token: admin.token, body: {} }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api("/api/v1/members/NOPE", {
        method: "PATCH",
        token: admin.token,
        body: { remaining_benefit: 1, benefit_adjustment: 1 },
      }),
      400,
      "VALIDATION_ERROR",
    );
  });
});
