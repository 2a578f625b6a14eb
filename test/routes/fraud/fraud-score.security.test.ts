import { describe, it } from "vitest";
import { EXAMPLE_AUTO_CLAIM } from "../../../src/domain/fraud/example-claim";
import { api, createUser, expectError } from "../../helpers";

describe("POST /api/v1/fraud/score", () => {
  it("is for insurers and admins only", async () => {
    for (const role of ["provider", "customer"] as const) {
      const user = await createUser(role);
      await expectError(
        await api("/api/v1/fraud/score", { method: "POST", token: user.token, body: EXAMPLE_AUTO_CLAIM }),
        403,
        "FORBIDDEN",
      );
    }
  });
});
