import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "../../../src/errors/codes";
import bomb from "../../fixtures/documents/bomb.pdf";
import empty from "../../fixtures/documents/empty.pdf";
import encrypted from "../../fixtures/documents/encrypted.pdf";
import jpegRenamed from "../../fixtures/documents/jpeg-renamed.pdf";
import truncated from "../../fixtures/documents/truncated.pdf";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import {
  acceptedUpload,
  documentClaimCounts,
  prepareDocumentClaims,
  uploadPdf,
  waitUntilFinished,
} from "./document-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  insurer = await createUser("insurer");
  await prepareDocumentClaims(await createUser("admin"));
});

describe("POST /api/v1/claims/upload", () => {
  it.each([
    ["an empty file", empty, 400, "VALIDATION_ERROR"],
    ["a JPEG renamed .pdf", jpegRenamed, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["a truncated PDF", truncated, 422, "INVALID_DOCUMENT"],
    ["an encrypted PDF", encrypted, 422, "INVALID_DOCUMENT"],
    ["a PDF bomb with thousands of pages", bomb, 422, "INVALID_DOCUMENT"],
  ] as const)("refuses %s and keeps nothing", async (_, bytes, status, code: ErrorCode) => {
    const before = await documentClaimCounts();
    await expectError(await uploadPdf(bytes, insurer.token), status, code);
    expect(await documentClaimCounts()).toEqual(before);
  });

  it("refuses a request without a file and a non-multipart body", async () => {
    const form = new FormData();
    form.append("other", "x");
    await expectError(
      await api("/api/v1/claims/upload", { method: "POST", token: insurer.token, body: form }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api("/api/v1/claims/upload", {
        method: "POST",
        token: insurer.token,
        body: typedForm,
        headers: { "content-type": "application/pdf" },
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });
});

describe("PUT /api/v1/claims/{id}/update", () => {
  it("refuses a status an adjuster may not set", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    await expectError(
      await api(`/api/v1/claims/${accepted.claim_id}/update`, {
        method: "PUT",
        token: insurer.token,
        body: { status: "paid" },
      }),
      400,
      "VALIDATION_ERROR",
    );
  });
});
