import { beforeAll, describe, expect, it } from "vitest";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { api, createUser, expectError, readAs } from "../../helpers";
import { type ClaimsOfTwoHospitals, claimsOfTwoHospitals } from "./claims-fixtures";

let hospitalB: ClaimsOfTwoHospitals["hospitalB"];
let member: string;
let claimIds: ClaimsOfTwoHospitals["claimIds"];

beforeAll(async () => {
  ({ hospitalB, member, claimIds } = await claimsOfTwoHospitals());
});

describe("GET /api/v1/claims", () => {
  it("scopes a provider to its own provider's claims, whatever it asks for", async () => {
    const own = await readAs(
      await api(`/api/v1/claims?member_id=${member}`, { token: hospitalB.token }),
      listClaimsRoute,
      200,
    );
    expect(own.claims.map((c) => c.claim_id)).toEqual(claimIds.b);
    const other = await readAs(
      await api(`/api/v1/claims?provider_id=H456&member_id=${member}`, { token: hospitalB.token }),
      listClaimsRoute,
      200,
    );
    expect(other.total).toBe(0);
  });
});

describe("GET /api/v1/claims/{id}", () => {
  it("answers 404, not 403, for another provider's claim and for a missing one", async () => {
    const foreign = await expectError(
      await api(`/api/v1/claims/${claimIds.a[0]}`, { token: hospitalB.token }),
      404,
      "CLAIM_NOT_FOUND",
    );
    const missing = await expectError(
      await api(`/api/v1/claims/${crypto.randomUUID()}`, { token: hospitalB.token }),
      404,
      "CLAIM_NOT_FOUND",
    );
    expect(foreign.error.message.replace(claimIds.a[0]!, "X")).toBe(
      missing.error.message.replace(/[0-9a-f-]{36}/, "X"),
    );
  });

  it("hides health claims from a customer and from an unassigned insurer", async () => {
    for (const role of ["customer", "insurer"] as const) {
      const user = await createUser(role);
      await expectError(await api(`/api/v1/claims/${claimIds.a[0]}`, { token: user.token }), 404, "CLAIM_NOT_FOUND");
      expect(
        (await readAs(await api(`/api/v1/claims?member_id=${member}`, { token: user.token }), listClaimsRoute, 200))
          .total,
      ).toBe(0);
    }
  });
});
