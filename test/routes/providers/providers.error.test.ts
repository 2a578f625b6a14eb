import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

describe("providers", () => {
  it("refuses a provider id that already exists", async () => {
    const id = `H-${crypto.randomUUID().slice(0, 8)}`;
    expect(
      (
        await api("/api/v1/providers", {
          method: "POST",
          token: admin.token,
          body: { provider_id: id, name: "Clinic" },
        })
      ).status,
    ).toBe(201);
    await expectError(
      await api("/api/v1/providers", { method: "POST", token: admin.token, body: { provider_id: id, name: "Again" } }),
      409,
      "CONFLICT",
    );
  });
});
