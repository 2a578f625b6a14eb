import { env } from "cloudflare:workers";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { putClaimUpdateRoute } from "../../../src/routes/claims/update/put";
import scannedForm from "../../fixtures/documents/scanned-form.pdf";
import typedForm from "../../fixtures/documents/typed-form.pdf";
import { api, createUser, expectError, readAs, type TestUser } from "../../helpers";
import { fieldConfidences } from "./claim-details";
import { acceptedUpload, documentClaim, prepareDocumentClaims, waitUntilFinished } from "./document-fixtures";

let insurer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  insurer = await createUser("insurer");
  admin = await createUser("admin");
  await prepareDocumentClaims(admin);
});

describe("POST /api/v1/claims/upload → queue → PROCESSED", () => {
  it("reads a typed claim form, joins its policy, scores fraud with an explanation and estimates the reserve", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token, "typed form.pdf");
    expect(accepted).toMatchObject({ status: "PENDING", pdf_filename: "typed form.pdf", pages: 1 });

    const claim = await waitUntilFinished(accepted.claim_id, insurer.token);
    expect(claim.status).toBe("PROCESSED");
    expect(claim.extracted_data).toMatchObject({
      claimant_name: "Maria Garcia-Lopez",
      policy_number: "POL-2025-521585",
      incident_date: "2025-03-14",
      amount_claimed: 4250,
      incident_severity: "Minor Damage",
      policy_found: true,
    });
    expect(fieldConfidences(claim.extracted_data).claimant_name).toBeGreaterThan(0.5);
    expect(claim.fraud_score).toBeGreaterThanOrEqual(0);
    expect(claim.fraud_score).toBeLessThanOrEqual(1);
    expect(claim.is_fraudulent).toBe(claim.fraud_score! >= claim.fraud_threshold!);
    expect(claim.fraud_explanation?.length).toBeGreaterThan(0);
    expect(claim.reserve_estimate).toBeGreaterThan(0);
    expect(claim.audit_trail.map((e) => e.action)).toEqual(["claim.document_uploaded", "claim.document_processed"]);

    const download = await api(`/api/v1/claims/${accepted.claim_id}/document`, { token: insurer.token });
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array(typedForm));
  });

  it("OCRs a scanned, image-only claim form", async () => {
    const accepted = await acceptedUpload(scannedForm, insurer.token);
    const claim = await waitUntilFinished(accepted.claim_id, insurer.token, 120_000);
    expect(claim.status).toBe("PROCESSED");
    expect(claim.extracted_data).toMatchObject({
      pages: [{ number: 1, source: "ocr" }],
      incident_date: "2025-03-14",
      amount_claimed: 4250,
    });
  });
});

/** A claim letter that never states the amount claimed: generated here, one page of text. */
async function letterWithoutAmount(): Promise<ArrayBuffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    "Dear Claims Team,",
    "My name is Maria Garcia-Lopez and my policy number is POL-2025-521585.",
    "On March 14th, 2025 my car was rear-ended at a red light on Elm Street.",
    "I will send the repair estimate when the body shop has finished it.",
  ];
  for (const [i, line] of lines.entries()) page.drawText(line, { x: 60, y: 700 - i * 18, size: 11, font });
  const bytes = await pdf.save();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe("fields an adjuster must check", () => {
  it("a claim missing a core fact lists it in needs_review and is found by the needs_review filter", async () => {
    const accepted = await acceptedUpload(await letterWithoutAmount(), insurer.token, "letter.pdf");
    const claim = await waitUntilFinished(accepted.claim_id, insurer.token);
    expect(claim.status).toBe("PROCESSED");
    expect(claim.extracted_data).toMatchObject({ policy_number: "POL-2025-521585", incident_date: "2025-03-14" });
    expect(claim.extracted_data).not.toHaveProperty("amount_claimed");
    expect(claim.needs_review).toEqual(["amount_claimed"]);

    const complete = await waitUntilFinished((await acceptedUpload(typedForm, insurer.token)).claim_id, insurer.token);
    expect(complete.needs_review).toEqual([]);

    const list = async (flag: string) =>
      (
        await readAs(
          await api(`/api/v1/claims?channel=document&needs_review=${flag}&limit=100`, { token: insurer.token }),
          listClaimsRoute,
          200,
        )
      ).claims.map((c) => c.claim_id);
    expect(await list("true")).toContain(accepted.claim_id);
    expect(await list("true")).not.toContain(complete.claim_id);
    expect(await list("false")).toContain(complete.claim_id);
    expect(await list("false")).not.toContain(accepted.claim_id);
  });
});

describe("adjusting, reading and deleting document claims", () => {
  it("an adjuster approves a processed claim (audited)", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    const res = await api(`/api/v1/claims/${accepted.claim_id}/update`, {
      method: "PUT",
      token: insurer.token,
      body: { status: "approved", is_fraudulent: false },
    });
    expect(await readAs(res, putClaimUpdateRoute, 200)).toMatchObject({ id: accepted.claim_id, status: "APPROVED" });
    const claim = await documentClaim(accepted.claim_id, insurer.token);
    expect(claim).toMatchObject({ status: "APPROVED", fraud_confirmed: false });
    expect(claim.audit_trail.at(-1)).toMatchObject({
      action: "claim.status_updated",
      before: { status: "PROCESSED" },
      after: { status: "APPROVED" },
    });
  });

  it("lists document claims in the document-claim shape, filtered by lower-case status", async () => {
    await waitUntilFinished((await acceptedUpload(typedForm, insurer.token)).claim_id, insurer.token);
    const list = await readAs(
      await api("/api/v1/claims?channel=document&status=processed&limit=50", { token: insurer.token }),
      listClaimsRoute,
      200,
    );
    expect(list.claims.filter((claim) => "user_id" in claim && claim.user_id === insurer.id).length).toBeGreaterThan(0);
    for (const claim of list.claims) {
      expect(claim).toMatchObject({ channel: "document", status: "PROCESSED" });
      // Its own uploads were scored; beyond them an adjuster sees only the unassigned queue (other
      // tests' claims share this database, some recorded without a score).
      if ("user_id" in claim && claim.user_id === insurer.id)
        expect(claim).toHaveProperty("fraud_score", expect.any(Number));
      else expect(claim.assignee).toBeNull();
    }
  });

  it("an admin deletes a claim and its stored document; the audit trail stays", async () => {
    const accepted = await acceptedUpload(typedForm, insurer.token);
    await waitUntilFinished(accepted.claim_id, insurer.token);
    const res = await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: admin.token });
    expect(res.status).toBe(204);
    await expectError(await api(`/api/v1/claims/${accepted.claim_id}`, { token: admin.token }), 404, "CLAIM_NOT_FOUND");
    expect(await env.DOCUMENTS.head(`claims/${accepted.claim_id}/document.pdf`)).toBeNull();
    const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE entity_id = ? ORDER BY id DESC LIMIT 1")
      .bind(accepted.claim_id)
      .first();
    expect(audit).toEqual({ action: "claim.deleted" });
    await expectError(
      await api(`/api/v1/claims/${accepted.claim_id}`, { method: "DELETE", token: admin.token }),
      404,
      "CLAIM_NOT_FOUND",
    );
  });
});
