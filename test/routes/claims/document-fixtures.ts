import { env } from "cloudflare:workers";
import traineddata from "../../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { OCR_TRAINEDDATA_KEY } from "../../../src/claims/documents/process";
import { postDocumentUploadRoute } from "../../../src/routes/claims/upload/post";
import { postPolicyImportRoute } from "../../../src/routes/policies/import/post";
import { api, readAs, readBody, type TestUser } from "../../helpers";
import { installCommittedModels } from "../models/install-fixtures";
import { documentClaimDetail } from "./claim-details";

/** What reading a claim PDF needs: the models, the OCR language data, and the policy the typed form names. */
export async function prepareDocumentClaims(admin: TestUser): Promise<void> {
  await installCommittedModels();
  await env.MODELS.put(OCR_TRAINEDDATA_KEY, traineddata);
  const policies =
    "policy_number,policy_bind_date,policy_annual_premium,umbrella_limit,insured_hobbies,months_as_customer,age\n" +
    "POL-2025-521585,17/10/2014,1406.91,0,chess,328,48\n";
  await readAs(
    await api("/api/v1/policies/import", {
      method: "POST",
      token: admin.token,
      body: policies,
      headers: { "content-type": "text/csv" },
    }),
    postPolicyImportRoute,
    200,
  );
}

export const uploadPdf = (bytes: ArrayBuffer, token: string, filename = "claim.pdf", type = "application/pdf") => {
  const form = new FormData();
  form.append("file", new File([bytes], filename, { type }));
  return api("/api/v1/claims/upload", { method: "POST", token, body: form });
};

export const acceptedUpload = async (bytes: ArrayBuffer, token: string, filename?: string) =>
  readAs(await uploadPdf(bytes, token, filename), postDocumentUploadRoute, 202);

export const documentClaim = async (id: string, token: string) =>
  readBody(await api(`/api/v1/claims/${id}`, { token }), documentClaimDetail);

export async function waitUntilFinished(id: string, token: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const claim = await documentClaim(id, token);
    if (!["PENDING", "PROCESSING"].includes(claim.status)) return claim;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`claim ${id} still processing`);
}

export const documentClaimCounts = async () => ({
  claims: (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE channel = 'document'").first<{ n: number }>())!
    .n,
  objects: (await env.DOCUMENTS.list({ prefix: "claims/" })).objects.length,
});
