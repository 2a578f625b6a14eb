import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { documentClaimSchema } from "../../src/claims/views";
import { documentUploadSchema } from "../../src/routes/claims/upload/post";
import { adminToken, as, call, registeredUser } from "./http";

async function upload(token: string, file: string) {
  const form = new FormData();
  form.append("file", new File([readFileSync(`test/fixtures/documents/${file}`)], file, { type: "application/pdf" }));
  const res = await fetch(`${inject("baseUrl")}/api/v1/claims/upload`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

async function processed(token: string, id: string) {
  for (let i = 0; i < 240; i++) {
    const claim = as(await call(`/api/v1/claims/${id}`, { token }), documentClaimSchema);
    if (!["PENDING", "PROCESSING"].includes(claim.status)) return claim;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`claim ${id} still processing`);
}

describe("claim PDFs through the real queue (over HTTP against wrangler dev)", () => {
  it("an insurer uploads a typed and a scanned claim; both end PROCESSED with fields, a fraud score and a reserve", async () => {
    const insurer = await registeredUser(await adminToken(), "insurer");
    for (const file of ["typed-form.pdf", "scanned-form.pdf"]) {
      const accepted = as(await upload(insurer, file), documentUploadSchema, 202);
      const claim = await processed(insurer, accepted.claim_id);
      expect({ file, status: claim.status, reason: claim.failure_reason }).toEqual({
        file,
        status: "PROCESSED",
        reason: null,
      });
      expect(claim.extracted_data).toMatchObject({
        claimant_name: "Maria Garcia-Lopez",
        incident_date: "2025-03-14",
        amount_claimed: 4250,
      });
      expect(claim.fraud_score).toBeGreaterThanOrEqual(0);
      expect(claim.reserve_estimate).toBeGreaterThan(0);
    }
    const refused = await upload(insurer, "jpeg-renamed.pdf");
    expect(refused.status).toBe(415);
  });
});
