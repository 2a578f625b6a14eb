import { beforeAll, describe, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("admin");
});

describe("GET /api/v1/claims", () => {
  it.each([
    ["an unknown status", "status=paid"],
    ["a page below 1", "page=0"],
    ["a page size above the maximum", "page_size=1000"],
    ["a malformed date", "start_date=yesterday"],
    ["an inverted range", "start_date=2026-02-01&end_date=2026-01-01"],
  ])("refuses %s with 400", async (_, query) => {
    await expectError(await api(`/api/v1/claims?${query}`, { token: admin.token }), 400, "VALIDATION_ERROR");
  });
});
