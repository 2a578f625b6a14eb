import { beforeAll, describe, expect, it } from "vitest";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, type TestUser, validationIssues } from "../../helpers";
import { acceptedUpload, prepareDocumentClaims, waitUntilFinished } from "./document-fixtures";

let admin: TestUser;
let ann: TestUser;
let bob: TestUser;
let queued: string;
let anns: string;

const version = async (id: string) => (await api(`/api/v1/claims/${id}`, { token: admin.token })).headers.get("etag");

beforeAll(async () => {
  admin = await createUser("admin");
  ann = await createUser("insurer");
  bob = await createUser("insurer");
  await prepareDocumentClaims(admin);
  // One claim waiting in the unassigned queue, one Ann uploaded (her caseload).
  queued = (await acceptedUpload(typedForm, admin.token)).claim_id;
  anns = (await acceptedUpload(typedForm, ann.token)).claim_id;
  await waitUntilFinished(queued, admin.token);
  await waitUntilFinished(anns, ann.token);
}, 120_000);

describe("claim actions refused, with nothing written", () => {
  it("refuses a malformed If-Match with 400 naming the header", async () => {
    const before = await version(anns);
    for (const ifMatch of ["3", '"abc"', 'W/"x', '"1", nonsense']) {
      const body = await expectError(
        await api(`/api/v1/claims/${anns}/update`, {
          method: "PUT",
          token: ann.token,
          headers: { "if-match": ifMatch },
          body: { status: "approved" },
        }),
        400,
        "VALIDATION_ERROR",
      );
      expect(validationIssues(body)[0]?.path, ifMatch).toBe("header.if-match");
    }
    expect(await version(anns)).toBe(before);
  });

  it("an adjuster acts only on its caseload: a queued claim answers 409 until taken", async () => {
    const before = await version(queued);
    await expectError(
      await api(`/api/v1/claims/${queued}/update`, { method: "PUT", token: ann.token, body: { status: "approved" } }),
      409,
      "CONFLICT",
    );
    await expectError(
      await api(`/api/v1/claims/${queued}/fields/witnesses`, { method: "PUT", token: ann.token, body: { value: 2 } }),
      409,
      "CONFLICT",
    );
    expect(await version(queued)).toBe(before);
  });

  it("an adjuster assigns only itself, an assignee must be an adjuster, and a held claim leaves the others' sight", async () => {
    await expectError(
      await api(`/api/v1/claims/${queued}/assignee`, {
        method: "PUT",
        token: ann.token,
        body: { assignee_id: bob.id },
      }),
      403,
      "FORBIDDEN",
    );
    await expectError(
      await api(`/api/v1/claims/${queued}/assignee`, {
        method: "PUT",
        token: admin.token,
        body: { assignee_id: admin.id },
      }),
      400,
      "VALIDATION_ERROR",
    );
    const taken = await api(`/api/v1/claims/${queued}/assignee`, {
      method: "PUT",
      token: bob.token,
      body: { assignee_id: bob.id },
    });
    expect(taken.status).toBe(200);
    // Bob holds it now: to Ann it is neither hers nor in the queue, so it does not exist.
    for (const assignee_id of [null, ann.id])
      await expectError(
        await api(`/api/v1/claims/${queued}/assignee`, { method: "PUT", token: ann.token, body: { assignee_id } }),
        404,
        "CLAIM_NOT_FOUND",
      );
  });

  it("refuses a value a field cannot hold, an unknown field, and a body with extra keys", async () => {
    const before = await version(anns);
    for (const [field, value] of [
      ["incident_severity", "slightly bent"],
      ["incident_date", "2025-02-30"],
      ["incident_hour_of_the_day", 24],
      ["witnesses", -1],
      ["incident_state", "Atlantis"],
      ["claimant_name", "Ann\u0000Smith"],
    ] as const) {
      await expectError(
        await api(`/api/v1/claims/${anns}/fields/${field}`, { method: "PUT", token: ann.token, body: { value } }),
        400,
        "VALIDATION_ERROR",
      );
    }
    await expectError(
      await api(`/api/v1/claims/${anns}/fields/fraud_score`, { method: "PUT", token: ann.token, body: { value: 0 } }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api(`/api/v1/claims/${anns}/fields/witnesses`, {
        method: "PUT",
        token: ann.token,
        body: { value: 1, confidence: 1 },
      }),
      400,
      "VALIDATION_ERROR",
    );
    expect(await version(anns)).toBe(before);
  });

  it("answers 404 for a claim the caller may not see, whatever the action", async () => {
    const bobs = (await acceptedUpload(typedForm, bob.token)).claim_id;
    await expectError(
      await api(`/api/v1/claims/${bobs}/fields/witnesses`, { method: "PUT", token: ann.token, body: { value: 1 } }),
      404,
      "CLAIM_NOT_FOUND",
    );
    await expectError(
      await api(`/api/v1/claims/${bobs}/assignee`, { method: "PUT", token: ann.token, body: { assignee_id: ann.id } }),
      404,
      "CLAIM_NOT_FOUND",
    );
  });
});
