import { beforeAll, describe, it } from "vitest";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { acceptedUpload, prepareDocumentClaims, uploadPdf, waitUntilFinished } from "./document-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  insurer = await createUser("insurer");
  await prepareDocumentClaims(await createUser("admin"));
});

describe("document claims are for staff", () => {
  it("refuses an upload from a provider with 403", async () => {
    const provider = await createUser("provider");
    await expectError(await uploadPdf(typedForm, provider.token, "x.pdf"), 403, "FORBIDDEN");
  });

  it("hides a claim from another insurer (404) and lets only an admin delete it (403)", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    const other = await createUser("insurer");
    await expectError(
      await api(`/api/v1/claims/${accepted.claim_id}/update`, {
        method: "PUT",
        token: other.token,
        body: { status: "rejected" },
      }),
      404,
      "CLAIM_NOT_FOUND",
    );
    await expectError(
      await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: insurer.token }),
      403,
      "FORBIDDEN",
    );
  });
});
