import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { onboardingInstanceId } from "../../src/customers/onboarding-reactor";
import { recoverStalledSignups, SCREENING_FAILED_REASON } from "../../src/customers/recover-stalled-signups";
import { createDatabase } from "../../src/db/client";
import { MAX_WORKFLOW_RECOVERIES, STALLED_WORKFLOW_MS } from "../../src/domain/workflows/stalled-workflow";
import { resumeStalledDocuments, STALLED_DOCUMENT_SECONDS } from "../../src/events/scheduled";
import { putUploadRoute } from "../../src/routes/uploads/put";
import { documentInstanceId } from "../../src/uploads/receive-upload";
import { acceptedCustomer, putImage, signUp, waitForEvent } from "../customers/journey";
import { carScenePhoto } from "../fnol/claim-journey";
import { readAs } from "../helpers";

const statusOf = async (workflow: Workflow, id: string) =>
  workflow.get(id).then(
    async (instance) => (await instance.status()).status,
    () => "missing",
  );

async function waitForStatus(workflow: Workflow, id: string, wanted: readonly string[], timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(workflow, id);
    if (wanted.includes(status)) return status;
    if (Date.now() > until) throw new Error(`instance ${id} stayed ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The moment a sweep finds the signup stalled: a stall period after its last change or recovery. */
async function afterStall(customerId: string) {
  const row = await env.DB.prepare(
    `SELECT MAX(at) AS at FROM (SELECT updated_at AS at FROM customers WHERE id = ?1
       UNION ALL SELECT created_at FROM audit_events WHERE entity_type = 'customer' AND entity_id = ?1)`,
  )
    .bind(customerId)
    .first<{ at: string }>();
  return new Date(Date.parse(row!.at) + STALLED_WORKFLOW_MS + 1_000);
}

/** Sweeps as the cron would, each time a stall period after the last change, until the signup is in `outcome`. */
async function sweepUntil(customerId: string, outcome: "restarted" | "rejected", timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const report = await recoverStalledSignups(env, await afterStall(customerId));
    if (report[outcome].includes(customerId)) return;
    if (Date.now() > until) throw new Error(`the signup was never ${outcome}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const customerStatus = async (customerId: string) =>
  (await env.DB.prepare("SELECT status FROM customers WHERE id = ?").bind(customerId).first<{ status: string }>())
    ?.status;

describe("signups whose onboarding Workflow died", { timeout: 120_000 }, () => {
  it("are restarted by the sweep; a screening that keeps failing ends in Customer.Rejected, not SUBMITTED forever", async () => {
    await using introspector = await introspectWorkflow(env.ONBOARDING_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "screen signup" }, new Error("screening service down"), 1_000);
    });
    const { customerId } = await signUp();
    const instanceId = onboardingInstanceId(customerId);
    await waitForStatus(env.ONBOARDING_WORKFLOW, instanceId, ["errored"]);
    expect(await customerStatus(customerId)).toBe("SUBMITTED");
    expect((await recoverStalledSignups(env, new Date())).restarted).not.toContain(customerId);

    // A sweep after each death restarts it (while the restarted instance runs, sweeps leave it alone).
    for (let recovery = 1; recovery <= MAX_WORKFLOW_RECOVERIES; recovery++) {
      await sweepUntil(customerId, "restarted");
    }
    await sweepUntil(customerId, "rejected");
    const rejected = await waitForEvent(customerId, "Customer.Rejected");
    expect(rejected.detail).toMatchObject({ customerId, reason: SCREENING_FAILED_REASON });
    expect(await customerStatus(customerId)).toBe("REJECTED");
  });
});

describe("licence and car images whose Workflow died", { timeout: 120_000 }, () => {
  it("are restarted by the sweep; one that keeps failing ends FAILED with a reason, not UPLOADED forever", async () => {
    await using introspector = await introspectWorkflow(env.DOCUMENT_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "analyse document" }, new Error("OCR crashed"), 1_000);
      await m.mockStepError({ name: "record document failure" }, new Error("database unavailable"), 1_000);
    });
    const customer = await acceptedCustomer();
    const receipt = await readAs(await putImage(customer.carUrl, await carScenePhoto()), putUploadRoute, 202);
    const documentId = receipt.document_id;
    await waitForStatus(env.DOCUMENT_WORKFLOW, documentInstanceId(documentId), ["errored"]);

    const db = createDatabase(env.DB);
    const document = () =>
      env.DB.prepare("SELECT status, failure_reason, uploaded_at FROM customer_documents WHERE id = ?")
        .bind(documentId)
        .first<{ status: string; failure_reason: string | null; uploaded_at: string }>();
    const afterDocumentStall = async () => {
      const last = await env.DB.prepare(
        "SELECT MAX(created_at) AS at FROM audit_events WHERE entity_type = 'customer_document' AND entity_id = ?",
      )
        .bind(documentId)
        .first<{ at: string | null }>();
      const since = [last?.at, (await document())!.uploaded_at].filter(Boolean).sort().at(-1)!;
      return new Date(Date.parse(since) + STALLED_DOCUMENT_SECONDS * 1000 + 1_000);
    };
    const recoveries = async () =>
      (
        await env.DB.prepare(
          "SELECT COUNT(*) AS n FROM audit_events WHERE entity_type = 'customer_document' AND entity_id = ? AND action = 'document.recovered'",
        )
          .bind(documentId)
          .first<{ n: number }>()
      )?.n;

    const until = Date.now() + 30_000;
    while ((await document())!.status === "UPLOADED") {
      if (Date.now() > until) throw new Error("the document stayed UPLOADED");
      await resumeStalledDocuments(env, db, await afterDocumentStall());
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await recoveries()).toBe(MAX_WORKFLOW_RECOVERIES);
    expect(await document()).toMatchObject({
      status: "FAILED",
      failure_reason: expect.stringContaining("could not be processed"),
    });
    const rejected = await waitForEvent(customer.customerId, "Document.Rejected");
    expect(rejected.detail).toMatchObject({ recordId: documentId, documentType: "CAR", code: "UNREADABLE_DOCUMENT" });
  });
});
