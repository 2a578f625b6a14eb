import { describe, it } from "vitest";
import { api, createUser, expectError } from "../../helpers";

describe("code sets", () => {
  it("refuses an import from a non-admin", async () => {
    const insurer = await createUser("insurer");
    const res = await api("/api/v1/codes/diagnoses/import", {
      method: "POST",
      token: insurer.token,
      body: "code,description\nA1,x\n",
      headers: { "content-type": "text/csv" },
    });
    await expectError(res, 403, "FORBIDDEN");
  });
});
