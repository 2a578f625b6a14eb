import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getFnolClaimRoute } from "../../src/routes/fnol/claims/get";
import { claimBody } from "../fnol/claim-body";
import { expectAccessible, launchChromium, screenshot } from "./browser";
import { logIn, type Person, person } from "./console-people";
import { claimReady, DAMAGED, fileClaim, has, photo, put, ready, schemaOf } from "./fnol-client";
import { as, call } from "./http";

// A first notice of loss filed through the API with the real photo models, then read and overridden
// in the console by an adjuster, and read by its customer. Needs ../shared/data's photos.

if (!ready) console.warn("console FNOL e2e skipped: ../shared/data photos or the colour/severity models are absent");

type FnolView = {
  version: number;
  settlement: { version: number; payout: number } | null;
  rental: { booked: boolean; vendor: string | null } | null;
};
const fnolView = async (claimId: string, token: string) =>
  as(await call(`/api/v1/fnol/claims/${claimId}`, { token }), schemaOf(getFnolClaimRoute, 200)) as FnolView;

let browser: Browser;
let adjuster: Person;
let customer: Person;
let admin: string;
let claimId: string;

describe.skipIf(!ready)("a first notice of loss in the console (headless Chromium against wrangler dev)", () => {
  beforeAll(async () => {
    browser = await launchChromium();
    const filer = await claimReady("White");
    admin = filer.admin;
    adjuster = await person(admin, "insurer");
    customer = { email: filer.body.email, password: filer.body.password, token: filer.token, id: "" };
    claimId = await fileClaim(filer.token, claimBody(filer));
    const accepted = await filer.stream.until(has("Claim.Accepted"), "Claim.Accepted");
    expect((await put(String(accepted.at(-1)!.detail.uploadCarDamageUrl), await photo(DAMAGED.white))).status).toBe(
      202,
    );
    await filer.stream.until(has("Vendor.Finalized"), "Vendor.Finalized", 90_000);
    await filer.stream.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("an adjuster reads the timeline, settlement and rental, overrides the settlement and sees version 2 and the audit entry", async () => {
    const before = await fnolView(claimId, adjuster.token);
    expect(before.settlement?.version).toBe(1);
    const page = await browser.newPage();
    await logIn(page, adjuster);
    await page.goto(`${inject("baseUrl")}/claims/${claimId}`);
    const timeline = page.getByRole("list", { name: "Claim events" });
    await expect.poll(() => timeline.textContent(), { timeout: 20_000 }).toContain("Vendor.Finalized");
    const said = (await timeline.textContent()) ?? "";
    for (const type of ["Claim.Requested", "Claim.Accepted", "Document.Processed", "Fraud.Not.Detected"])
      expect(said).toContain(type);
    expect(said).toContain("Rental car booked with Rental 1");
    expect(await page.getByTestId("fnol-stage").textContent()).toBe("Settled");
    expect(await page.getByTestId("rental-vendor").textContent()).toBe("Rental 1");
    const payout = before.settlement!.payout;
    expect(await page.getByTestId("settlement-payout").textContent()).toBe(
      payout.toLocaleString("en-US", { style: "currency", currency: "USD" }),
    );
    await expectAccessible(page, "FNOL claim (adjuster)");
    await screenshot(page, "fnol-claim-adjuster");

    const form = page.getByRole("form", { name: "Override the settlement" });
    const revised = Math.round(payout + 250);
    await form.getByLabel("Payout ($)").fill(String(revised));
    await form.getByLabel("Reason for the override").fill("Body shop quote is $250 above the estimate");
    await form.getByRole("button", { name: "Override the settlement" }).click();
    await expect.poll(() => page.locator("p.notice").textContent()).toContain("Settlement version 2 recorded");
    const versions = page.getByRole("table", { name: "Settlement versions" });
    await expect.poll(() => versions.locator('tr[data-version="2"]').textContent()).toContain("Body shop quote");
    expect(await versions.locator('tr[data-version="2"]').textContent()).toContain("Console insurer");
    await expect
      .poll(() => page.getByRole("region", { name: "Audit trail" }).textContent())
      .toContain("claim.fnol_settlement_overridden");
    await expect.poll(() => timeline.textContent()).toContain("revised by an adjuster");
    // What the page did is what the API holds; the adjuster now holds the claim.
    const after = await fnolView(claimId, adjuster.token);
    expect(after.settlement).toMatchObject({ version: 2, payout: revised });
    await expect.poll(() => page.getByTestId("claim-assignee").textContent()).toContain("Console insurer");
    await screenshot(page, "fnol-claim-overridden");

    // An admin changes the settlement meanwhile: this page's next override is refused in the API's words.
    const meanwhile = await call(`/api/v1/fnol/claims/${claimId}/settlement/override`, {
      method: "POST",
      token: admin,
      body: { reason: "Supervisor review", expected_version: 2, deductible: 0 },
    });
    expect(meanwhile.status).toBe(201);
    await form.getByLabel("Payout ($)").fill(String(revised + 1));
    await form.getByLabel("Reason for the override").fill("One dollar more");
    await form.getByRole("button", { name: "Override the settlement" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("has changed since you read it");
    await expect.poll(() => versions.locator('tr[data-version="3"]').textContent()).toContain("Supervisor review");
    await page.close();
  });

  it("its customer reads status, timeline, settlement and rental at phone width, never the fraud check or who overrode why", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, customer);
    await page.getByRole("link", { name: claimId }).click();
    const timeline = page.getByRole("list", { name: "Claim events" });
    await expect.poll(() => timeline.textContent(), { timeout: 20_000 }).toContain("Settlement.Finalized");
    expect(await page.getByTestId("claim-status").textContent()).toBe("APPROVED");
    expect(await page.getByTestId("rental-booked").textContent()).toBe("yes");
    const versions = page.getByRole("table", { name: "Settlement versions" });
    expect(await versions.locator("tbody tr").count()).toBe(3);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Body shop quote");
    expect(text).not.toContain("Supervisor review");
    expect(text).not.toContain("Console insurer");
    expect(await page.getByTestId("fnol-fraud").count()).toBe(0);
    expect(await page.getByRole("form", { name: "Override the settlement" }).count()).toBe(0);
    await expectAccessible(page, "FNOL claim (customer)");
    await screenshot(page, "fnol-claim-customer");
    await page.close();
  });
});
