import { describe, it } from "vitest";
import { api, createUser, expectError } from "../../helpers";

describe("GET /api/v1/models", () => {
  it("is for admins only", async () => {
    const insurer = await createUser("insurer");
    await expectError(await api("/api/v1/models", { token: insurer.token }), 403, "FORBIDDEN");
  });
});
