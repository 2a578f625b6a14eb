import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { adminToken, call, registeredUser } from "./http";

async function upload(token: string, file: string) {
  const form = new FormData();
  form.append("file", new File([readFileSync(`test/fixtures/documents/${file}`)], file, { type: "application/pdf" }));
  const res = await fetch(`${inject("baseUrl")}/api/v1/claims/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function processed(token: string, id: string) {
  for (let i = 0; i < 240; i++) {
    const claim = (await call(`/api/v1/claims/${id}`, { token })).body;
    if (!["PENDING", "PROCESSING"].includes(claim.status)) return claim;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`claim ${id} still processing`);
}

describe("claim PDFs through the real queue (over HTTP against wrangler dev)", () => {
  it("an insurer uploads a typed and a scanned claim; both end PROCESSED with fields, a fraud score and a reserve", async () => {
    const insurer = await registeredUser(await adminToken(), "insurer");
    for (const file of ["typed-form.pdf", "scanned-form.pdf"]) {
      const accepted = await upload(insurer, file);
      expect(accepted.status).toBe(202);
      const claim = await processed(insurer, accepted.body.claim_id);
      expect({ file, status: claim.status, reason: claim.failure_reason }).toEqual({ file, status: "PROCESSED", reason: null });
      expect(claim.extracted_data).toMatchObject({ claimant_name: "Maria Garcia-Lopez", incident_date: "2025-03-14", amount_claimed: 4250 });
      expect(claim.fraud_score).toBeGreaterThanOrEqual(0);
      expect(claim.reserve_estimate).toBeGreaterThan(0);
    }
    const refused = await upload(insurer, "jpeg-renamed.pdf");
    expect(refused.status).toBe(415);
  });
});
