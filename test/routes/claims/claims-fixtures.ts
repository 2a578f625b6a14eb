import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { postProviderRoute } from "../../../src/routes/providers/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { freshMember, healthClaim, loadDemoData } from "./health-fixtures";

export interface ClaimsOfTwoHospitals {
  hospitalA: TestUser;
  hospitalB: TestUser;
  admin: TestUser;
  member: string;
  /** Hospital A: three approved claims and a rejected one (last); hospital B: one approved claim. */
  claimIds: { a: string[]; b: string[] };
}

/** One member's claims at two hospitals, for the reading routes' tests. */
export async function claimsOfTwoHospitals(): Promise<ClaimsOfTwoHospitals> {
  await loadDemoData();
  const admin = await createUser("admin");
  const providerB = `HB-${crypto.randomUUID().slice(0, 6)}`;
  await readAs(
    await api("/api/v1/providers", {
      method: "POST",
      token: admin.token,
      body: { provider_id: providerB, name: "Second Hospital" },
    }),
    postProviderRoute,
    201,
  );
  const hospitalA = await createUser("provider", { providerId: "H456" });
  const hospitalB = await createUser("provider", { providerId: providerB });
  const member = await freshMember(1_000_000);
  const submit = async (user: TestUser, changes: Record<string, unknown>) =>
    (
      await readAs(
        await api("/api/v1/claims", {
          method: "POST",
          token: user.token,
          body: healthClaim({ member_id: member, ...changes }),
        }),
        postHealthClaimRoute,
        201,
      )
    ).claim_id;
  const claimIds: { a: string[]; b: string[] } = { a: [], b: [] };
  for (let i = 0; i < 3; i++) claimIds.a.push(await submit(hospitalA, { claim_amount: 100 + i }));
  claimIds.a.push(await submit(hospitalA, { claim_amount: 90000 }));
  claimIds.b.push(await submit(hospitalB, { provider_id: providerB, claim_amount: 50 }));
  return { hospitalA, hospitalB, admin, member, claimIds };
}
