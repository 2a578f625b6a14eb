import { beforeAll, describe, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;
let hospital: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
  hospital = await createUser("provider");
});

describe("members", () => {
  it("a provider may neither list nor change members", async () => {
    const id = `M-${crypto.randomUUID().slice(0, 8)}`;
    await api("/api/v1/members", {
      method: "POST",
      token: admin.token,
      body: { member_id: id, last_name: "Private", benefit_limit: 500 },
    });
    await expectError(await api("/api/v1/members", { token: hospital.token }), 403, "FORBIDDEN");
    await expectError(
      await api(`/api/v1/members/${id}`, { method: "PATCH", token: hospital.token, body: { status: "INACTIVE" } }),
      403,
      "FORBIDDEN",
    );
  });
});
