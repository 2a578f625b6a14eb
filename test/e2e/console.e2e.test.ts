import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { benchJpeg } from "../../bench/lib/photo";
import { documentClaimSchema } from "../../src/claims/views";
import { photoValidationSchema } from "../../src/routes/claims/schema";
import { documentUploadSchema } from "../../src/routes/claims/upload/post";
import { fraudScoreSchema } from "../../src/routes/fraud/score/schema";
import { claimsReportSchema } from "../../src/routes/reports/schema";
import { signupBody } from "../customers/signup-body";
import { expectAccessible, launchChromium, screenshot } from "./browser";
import { logIn, type Person, person } from "./console-people";
import { adminToken, as, call, signedUpCustomer } from "./http";

async function uploadDocument(token: string, file: string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([readFileSync(`test/fixtures/documents/${file}`)], file, { type: "application/pdf" }));
  const res = await fetch(`${inject("baseUrl")}/api/v1/claims/upload`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const id = as(
    { status: res.status, headers: res.headers, body: await res.json() },
    documentUploadSchema,
    202,
  ).claim_id;
  for (let i = 0; i < 240; i++) {
    const claim = as(await call(`/api/v1/claims/${id}`, { token }), documentClaimSchema);
    if (claim.status === "PROCESSED") return id;
    if (claim.status !== "PENDING" && claim.status !== "PROCESSING")
      throw new Error(`claim ${id} ended ${claim.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`claim ${id} still processing`);
}

let browser: Browser;
let admin: string;
let adjuster: Person;
let customer: Person;
let documentClaim: string;
let photoClaim: string;
/** A customer who signed up in the app (registration binds only existing customers). */
let customerId: string;

beforeAll(async () => {
  browser = await launchChromium();
  admin = await adminToken();
  adjuster = await person(admin, "insurer");
  customerId = (await signedUpCustomer()).customerId;
  customer = await person(admin, "customer", { customer_id: customerId });
  // Uploaded by an admin, so it waits in the unassigned queue for an adjuster to take.
  documentClaim = await uploadDocument(admin, "typed-form.pdf");
  // A plain photo of an undamaged-looking scene: the model rejects it, which the customer may contest.
  const photo = as(
    await call("/api/v1/claims/validate", {
      method: "POST",
      token: customer.token,
      body: {
        claim_id: `CONSOLE-${Date.now()}`,
        customer_id: customerId,
        image: Buffer.from(await benchJpeg(800, 600)).toString("base64"),
      },
    }),
    photoValidationSchema,
  );
  expect(photo.effective_status).toBe("REJECTED");
  photoClaim = photo.claim_id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe("the console, in headless Chromium against wrangler dev", () => {
  it("serves the app for any page path, and the API, docs and health from the Worker", async () => {
    const page = await fetch(`${inject("baseUrl")}/claims/anything/deep`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('<div id="root">');
    const health = await call("/health");
    expect(health.status).toBe(200);
    expect(typeof health.body).toBe("object");
    const unknown = await call("/api/v1/no-such-route");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("loads to an interactive login within the page's first second or so, and the login screen is accessible", async () => {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(inject("baseUrl"));
    await page.getByRole("button", { name: "Log in" }).waitFor();
    const interactive = Date.now() - started;
    console.log(
      `console first load to an interactive login: ${interactive} ms (headless Chromium, local wrangler dev)`,
    );
    await expectAccessible(page, "login");
    await screenshot(page, "login");
    await page.getByLabel("Email").fill(adjuster.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Invalid email or password");
    await page.close();
  });

  it("an adjuster filters the queue, takes a document claim, corrects a field, approves it and sees the audit entries", async () => {
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.getByLabel("Channel").selectOption("document");
    await page.getByLabel("Assignee").selectOption("unassigned");
    const link = page.getByRole("link", { name: documentClaim });
    await link.waitFor();
    await expectAccessible(page, "queue");
    await screenshot(page, "queue");
    expect(page.url()).toContain("channel=document");
    await link.click();

    await page.getByRole("heading", { name: `Claim ${documentClaim}` }).waitFor();
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect.poll(() => page.getByTestId("claim-assignee").textContent()).toContain("Console insurer");

    const form = page.getByRole("form", { name: "Correct a field" });
    await form.getByLabel("Field").selectOption("incident_severity");
    await form.getByLabel("Correct value").fill("total loss");
    await form.getByLabel("Why").fill("The photos show the car written off");
    await form.getByRole("button", { name: "Save correction" }).click();
    await expect.poll(() => page.locator('tr[data-field="incident_severity"]').textContent()).toContain("Total Loss");
    await expect.poll(() => page.locator('tr[data-field="incident_severity"]').textContent()).toContain("corrected");

    await page.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => page.getByTestId("claim-status").textContent()).toBe("APPROVED");
    const trail = page.getByRole("region", { name: "Audit trail" });
    await expect.poll(() => trail.textContent()).toContain("claim.field_corrected");
    await expect.poll(() => trail.textContent()).toContain("claim.status_updated");
    expect(await trail.textContent()).toContain("claim.assigned");
    await expectAccessible(page, "document claim");
    await screenshot(page, "document-claim");

    // What the page did is what the API holds.
    const stored = as(await call(`/api/v1/claims/${documentClaim}`, { token: adjuster.token }), documentClaimSchema);
    expect(stored.status).toBe("APPROVED");
    expect(stored.extracted_data?.incident_severity).toBe("Total Loss");
    await page.close();
  });

  it("shows a stale page's action refused in the API's words, then the claim as it now is", async () => {
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.goto(`${inject("baseUrl")}/claims/${documentClaim}`);
    await page.getByRole("button", { name: "Reject" }).waitFor();
    // Someone else changes the claim after this page read it.
    const meanwhile = await call(`/api/v1/claims/${documentClaim}/update`, {
      method: "PUT",
      token: admin,
      body: { status: "processed", note: "reopened by a supervisor" },
    });
    expect(meanwhile.status).toBe(200);
    await page.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("has changed since you read it");
    await expect.poll(() => page.getByTestId("claim-status").textContent()).toBe("PROCESSED");
    await page.close();
  });

  it("an adjuster overrides a rejected photo claim", async () => {
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.goto(`${inject("baseUrl")}/claims/${photoClaim}`);
    await page.getByRole("heading", { name: "Damage photo" }).waitFor();
    await expect.poll(() => page.getByTestId("claim-status").textContent()).toBe("REJECTED");
    await page.getByRole("button", { name: "Assign to me" }).click();
    await page.getByLabel("Reason for the override").fill("The dent on the rear door is visible on closer inspection");
    await page.getByRole("button", { name: "Override and approve" }).click();
    await expect.poll(() => page.getByTestId("claim-status").textContent()).toBe("APPROVED");
    await expect
      .poll(() => page.getByRole("region", { name: "Audit trail" }).textContent())
      .toContain("claim.overridden");
    await expectAccessible(page, "photo claim");
    await screenshot(page, "photo-claim");
    await page.close();
  });

  it("the reports dashboard shows the numbers the reports API gives", async () => {
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { name: "Fraud trends" }).waitFor();
    await page.getByTestId("total-claims").waitFor();
    const api = as(await call("/api/v1/reports/claims", { token: adjuster.token }), claimsReportSchema);
    expect(api.total_claims).toBeGreaterThan(0);
    expect(await page.getByTestId("total-claims").textContent()).toBe(api.total_claims.toLocaleString("en-US"));
    expect(await page.getByTestId("fraudulent-count").textContent()).toBe(api.fraudulent_count.toLocaleString("en-US"));
    await page.getByLabel("Group by").selectOption("channel");
    await page.getByText("Claims by channel (fraudulent inside)").first().waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the claims report (CSV)" }).click();
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv.split("\r\n")[1]?.split(",").slice(0, 2)).toEqual(["all", String(api.total_claims)]);
    await expectAccessible(page, "reports");
    await screenshot(page, "reports");
    await page.close();
  });

  it("scores a claim on the fraud scoring page as the API does", async () => {
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.getByRole("link", { name: "Fraud scoring" }).click();
    const form = page.getByRole("form", { name: "Claim facts" });
    await form.getByLabel("Incident severity").selectOption("Major Damage");
    await form.getByLabel("Total claim amount ($)").fill("71000");
    await form.getByLabel("Insured's hobbies").fill("chess");
    await form.getByRole("button", { name: "Score the claim" }).click();
    await page.getByTestId("fraud-probability").waitFor();
    const api = as(
      await call("/api/v1/fraud/score?explain=true&scenario=auto_flagger", {
        method: "POST",
        token: adjuster.token,
        body: { incident_severity: "Major Damage", total_claim_amount: 71000, insured_hobbies: "chess" },
      }),
      fraudScoreSchema,
    );
    expect(await page.getByTestId("fraud-probability").textContent()).toBe(api.probability.toFixed(3));
    expect(await page.getByTestId("fraud-decision").textContent()).toContain(api.threshold.toFixed(2));
    await expectAccessible(page, "fraud scoring");
    await screenshot(page, "fraud-scoring");
    await page.close();
  });

  it("an admin sees the model registry's metrics and follows a retraining job to its end", async () => {
    const page = await browser.newPage();
    await logIn(page, { email: inject("adminEmail"), password: inject("adminPassword"), token: admin, id: "" });
    await page.getByRole("link", { name: "Models" }).click();
    const retrain = page.getByRole("button", { name: /^Retrain / }).first();
    await retrain.waitFor();
    await expectAccessible(page, "model registry");
    await retrain.click();
    const job = page.getByTestId("training-job");
    // Another end-to-end file may be retraining on the same server: the API then refuses, and the
    // console must say so in the API's words rather than show a job.
    const refusal = page.getByRole("alert");
    await job.or(refusal).first().waitFor({ timeout: 30_000 });
    if (await refusal.isVisible()) {
      expect(await refusal.textContent()).toMatch(/retrain|training|too many|running|try again/i);
    } else {
      await expect
        .poll(() => job.textContent(), { timeout: 120_000, interval: 1000 })
        .toMatch(/promoted|kept champion|refused|failed/);
      expect(await job.textContent()).not.toContain("failed");
    }
    await screenshot(page, "model-registry");
    await page.close();
  }, 180_000);

  it("a customer sees its own claim, and only its own, at phone width", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, customer);
    await page.getByRole("heading", { name: "My claims" }).waitFor();
    await page.getByRole("link", { name: photoClaim }).waitFor();
    expect(await page.getByRole("link", { name: documentClaim }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Reports" }).count()).toBe(0);
    await expectAccessible(page, "customer claims");
    await screenshot(page, "customer-claims");
    await page.getByRole("link", { name: photoClaim }).click();
    await expect.poll(() => page.getByTestId("claim-status").textContent()).toBe("APPROVED");
    // Nothing is left for the customer to do on an approved claim: no empty Actions panel.
    expect(await page.getByRole("heading", { name: "Actions" }).count()).toBe(0);
    await expectAccessible(page, "customer claim");
    await screenshot(page, "customer-claim");
    await page.close();
  });

  it("a customer who signed up follows its events, the history and then live", async () => {
    const body = signupBody();
    const signup = await call("/api/v1/customers", { method: "POST", body });
    expect(signup.status).toBe(202);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, { email: body.email, password: body.password, token: "", id: "" });
    await page.getByRole("link", { name: "My events" }).click();
    await expect.poll(() => page.getByTestId("stream-state").textContent(), { timeout: 20_000 }).toContain("Live");
    const events = page.getByRole("list", { name: "Events" });
    await expect.poll(() => events.textContent(), { timeout: 20_000 }).toContain("Customer.Submitted");
    // The onboarding decision comes after the page opened the stream, or just before: either way it shows.
    await expect
      .poll(() => events.textContent(), { timeout: 60_000, interval: 500 })
      .toMatch(/Customer\.(Accepted|Rejected)/);
    await expectAccessible(page, "customer events");
    await screenshot(page, "customer-events");
    await page.close();
  }, 120_000);
});
