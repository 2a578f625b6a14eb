import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { EXAMPLES } from "../../fhir/fhir-examples";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { exampleReferenceData, expectOutcome, fhirBody, postFhirClaim } from "./fhir-fixtures";

// Tokens and roles on every FHIR route are in test/routes/routes.security.test.ts (as OperationOutcome);
// here: what the FHIR endpoint decides beyond the role.

let hospital: TestUser;
let otherHospital: TestUser;
let admin: TestUser;
let insurer: TestUser;
let customer: TestUser;

beforeAll(async () => {
  hospital = await createUser("provider", { providerId: "1" });
  otherHospital = await createUser("provider", { providerId: "HOSP12345" });
  admin = await createUser("admin");
  insurer = await createUser("insurer");
  customer = await createUser("customer");
});

beforeEach(() => exampleReferenceData());

describe("who may use the FHIR endpoint", () => {
  it("asks for a token on every interaction but metadata, in OperationOutcome", async () => {
    const missing = await expectOutcome(await postFhirClaim(EXAMPLES.oral, ""), 401, "login");
    expect(missing.issue[0]?.details?.coding[0]?.code).toBe("UNAUTHORIZED");
    await expectOutcome(await api("/api/v1/fhir/Claim/x", {}), 401, "login");
    await expectOutcome(
      await api("/api/v1/fhir/ClaimResponse/x", { headers: { authorization: "Bearer not.a.jwt" } }),
      401,
      "login",
    );
    const metadata = await fhirBody(await api("/api/v1/fhir/metadata"), 200, "CapabilityStatement");
    expect(metadata.fhirVersion).toBe("4.0.1");
  });

  it.each([
    ["an insurer", () => insurer],
    ["a customer", () => customer],
  ])("refuses %s with 403, before reading the claim", async (_, who) => {
    await expectOutcome(await postFhirClaim(EXAMPLES.oral, who().token), 403, "forbidden");
    await expectOutcome(await postFhirClaim("not even JSON", who().token), 403, "forbidden");
  });

  it("lets a provider claim only for its own organisation, and moves no money otherwise", async () => {
    const outcome = await expectOutcome(await postFhirClaim(EXAMPLES.oral, otherHospital.token), 403, "forbidden");
    expect(outcome.issue[0]?.diagnostics).toContain("own organisation");
    expect((await postFhirClaim(EXAMPLES.oralByIdentifier, otherHospital.token)).status).toBe(201);
  });

  it("shows another organisation's claim to no provider (404, no existence oracle), and every claim to an admin", async () => {
    const posted = await fhirBody(await postFhirClaim(EXAMPLES.oral, hospital.token), 201, "ClaimResponse");
    for (const path of [`/api/v1/fhir/Claim/${posted.id}`, `/api/v1/fhir/ClaimResponse/${posted.id}`]) {
      await expectOutcome(await api(path, { token: otherHospital.token }), 404, "not-found");
      expect((await api(path, { token: hospital.token })).status).toBe(200);
      expect((await api(path, { token: admin.token })).status).toBe(200);
    }
  });

  it("does not serve a JSON-channel claim as a FHIR resource", async () => {
    const jsonClaim = await readAs(
      await api("/api/v1/claims", {
        method: "POST",
        token: hospital.token,
        body: { member_id: "1", provider_id: "1", diagnosis_code: "123456", procedure_code: "1200", claim_amount: 100 },
      }),
      postHealthClaimRoute,
      201,
    );
    await expectOutcome(
      await api(`/api/v1/fhir/ClaimResponse/${jsonClaim.claim_id}`, { token: hospital.token }),
      404,
      "not-found",
    );
  });
});
