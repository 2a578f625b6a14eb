import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "../../helpers";

describe("GET /api/v1/reports/*: bad filters", () => {
  it.each([
    "/api/v1/reports/claims?start_date=2025-13-01",
    "/api/v1/reports/claims?end_date=01/02/2025",
    "/api/v1/reports/claims?start_date=2025-02-30",
    "/api/v1/reports/fraud_trends?start_date=yesterday",
  ])("%s → 400 Invalid date format", async (path) => {
    const admin = await createUser("admin");
    const body = await expectError(await api(path, { token: admin.token }), 400, "VALIDATION_ERROR");
    expect(body.error.message).toContain("Invalid date format");
  });

  it("refuses an unknown group_by, an unknown status and a start after the end", async () => {
    const admin = await createUser("admin");
    const groupBy = await expectError(
      await api("/api/v1/reports/fraud_trends?group_by=colour", { token: admin.token }),
      400,
      "VALIDATION_ERROR",
    );
    expect(groupBy.error.message).toContain("Invalid group_by parameter");
    await expectError(await api("/api/v1/reports/claims?status=lost", { token: admin.token }), 400, "VALIDATION_ERROR");
    await expectError(
      await api("/api/v1/reports/claims?start_date=2025-02-01&end_date=2025-01-01", { token: admin.token }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(await api("/api/v1/reports/claims?format=xml", { token: admin.token }), 400, "VALIDATION_ERROR");
  });
});
