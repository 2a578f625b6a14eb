import { beforeAll, describe, expect, it } from "vitest";
import { getClaimRoute } from "../../../src/routes/claims/get";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { api, readAs } from "../../helpers";
import { type ClaimsOfTwoHospitals, claimsOfTwoHospitals } from "./claims-fixtures";

let hospitalA: ClaimsOfTwoHospitals["hospitalA"];
let admin: ClaimsOfTwoHospitals["admin"];
let member: string;
let claimIds: ClaimsOfTwoHospitals["claimIds"];

beforeAll(async () => {
  ({ hospitalA, admin, member, claimIds } = await claimsOfTwoHospitals());
});

describe("GET /api/v1/claims", () => {
  it("filters by member and by status in any case, newest first, with both paging names (page_size and limit)", async () => {
    const res = await readAs(
      await api(`/api/v1/claims?member_id=${member}&status=approved&page=1&page_size=2`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(res.total).toBe(4);
    expect(res.page_size).toBe(2);
    expect(res.limit).toBe(2);
    expect(res.claims).toHaveLength(2);
    expect(res.claims.every((c) => c.status === "APPROVED")).toBe(true);
    expect(res.claims[0]!.created_at >= res.claims[1]!.created_at).toBe(true);

    const page2 = await readAs(
      await api(`/api/v1/claims?member_id=${member}&status=APPROVED&page=2&limit=2`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(page2.claims).toHaveLength(2);
    const rejected = await readAs(
      await api(`/api/v1/claims?member_id=${member}&status=Rejected`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(rejected.claims.map((c) => c.claim_id)).toEqual([claimIds.a[3]]);
  });

  it("filters by date range", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await readAs(
      await api(`/api/v1/claims?member_id=${member}&start_date=${today}&end_date=${today}`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(inRange.total).toBe(5);
    const before = await readAs(
      await api(`/api/v1/claims?member_id=${member}&end_date=2000-01-01`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(before.total).toBe(0);
  });
});

describe("GET /api/v1/claims/{id}", () => {
  it("returns the claim with its audit trail to its provider and to staff", async () => {
    const mine = await readAs(
      await api(`/api/v1/claims/${claimIds.a[0]}`, { token: hospitalA.token }),
      getClaimRoute,
      200,
    );
    expect(mine).toMatchObject({ claim_id: claimIds.a[0], status: "APPROVED" });
    expect(mine.audit_trail[0]?.action).toBe("claim.adjudicated");
    expect((await api(`/api/v1/claims/${claimIds.a[0]}`, { token: admin.token })).status).toBe(200);
  });
});
