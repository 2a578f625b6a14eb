import { env } from "cloudflare:workers";
import { postVerifyEmailRoute } from "../../src/routes/customers/verify/post";
import { listOutboxRoute } from "../../src/routes/dev/outbox/list";
import { postFnolClaimRoute } from "../../src/routes/fnol/claims/post";
import { putVendorRoute } from "../../src/routes/vendors/put";
import { installOcrLanguageData, LICENCES, licenceImage } from "../customers/document-fixtures";
import { acceptedCustomer, allDelivered, putImage, waitForEvent } from "../customers/journey";
import type { SignupOverrides } from "../customers/signup-body";
import { api, createUser, readAs, uniqueIp } from "../helpers";
import { encodeJpeg, gaussianBlur, makeScene, mapColours } from "../photo/scene";
import type { claimBody } from "./claim-body";

export { installOcrLanguageData };

/** A place of its own per test, so the vendors a test creates are the only local ones. */
export function uniquePlace() {
  const zip = String(10_000 + Math.floor(Math.random() * 89_999));
  return { street: "12 Elm St", city: `Testville ${zip}`, state: "AZ", zip };
}

async function verifyEmail(email: string) {
  const admin = await createUser("admin");
  const res = await api(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`, { token: admin.token });
  const { emails } = await readAs(res, listOutboxRoute, 200);
  const code = emails.find((e) => /verification code/.test(e.subject))?.body.match(/code is (\d{6})/)?.[1];
  if (!code) throw new Error(`no verification code for ${email}`);
  await readAs(
    await api("/api/v1/customers/verify", { method: "POST", body: { email, code }, ip: uniqueIp() }),
    postVerifyEmailRoute,
    200,
  );
}

/**
 * A customer who may file a claim: signup accepted, email verified, and the licence (Michael
 * Williams' barcode, number 908393596) processed and not flagged.
 */
export async function claimReadyCustomer(overrides: SignupOverrides = {}) {
  const licence = LICENCES.michaelWilliams;
  const address = overrides.address ?? uniquePlace();
  const customer = await acceptedCustomer({
    first_name: licence.first,
    last_name: licence.last,
    address,
    ...overrides,
  });
  const put = await putImage(customer.licenceUrl, licenceImage(licence.file));
  if (put.status !== 202) throw new Error(`licence upload answered ${put.status}`);
  await waitForEvent(customer.customerId, "Fraud.Not.Detected", 1, 60_000);
  await allDelivered(customer.customerId);
  await verifyEmail(customer.body.email);
  return { ...customer, address, licenceNumber: licence.number };
}

/** The source system's claim body for this customer: an incident a moment ago (cover starts at signup). */
export async function fileClaim(token: string, body: ReturnType<typeof claimBody>) {
  const res = await api("/api/v1/fnol/claims", { method: "POST", body, token });
  return (await readAs(res, postFnolClaimRoute, 202)).claim_id;
}

/** Vendor branches at the customer's place (an admin adds them through the route). */
export async function addVendors(place: { city: string; state: string; zip: string }, rates: number[]) {
  const admin = await createUser("admin");
  const ids: string[] = [];
  for (const [i, rate] of rates.entries()) {
    const id = `V-${place.zip}-${i}`;
    const res = await api(`/api/v1/vendors/${id}`, {
      method: "PUT",
      token: admin.token,
      body: {
        name: `Rental ${i} ${place.zip}`,
        city: place.city,
        state: place.state,
        zip: place.zip,
        daily_rate: rate,
        available_units: 3,
      },
    });
    await readAs(res, putVendorRoute, 200);
    ids.push(id);
  }
  return ids;
}

/** A photo of a car scene that passes the upload's header checks (640×480 JPEG). */
export const carScenePhoto = (seed = 7) => encodeJpeg(makeScene(640, 480, seed), 88);

/** A photo the quality gate refuses: dark and blurred. */
export const tooPoorPhoto = () =>
  encodeJpeg(
    mapColours(gaussianBlur(makeScene(640, 480, 3), 6), (v) => v * 0.08),
    80,
  );

export const claimStage = async (claimId: string) =>
  env.DB.prepare(
    "SELECT f.stage, f.stage_reason, c.status, c.fraud_flag, c.approved_amount_cents FROM fnol_claims f JOIN claims c ON c.id = f.claim_id WHERE f.claim_id = ?",
  )
    .bind(claimId)
    .first<{
      stage: string;
      stage_reason: string | null;
      status: string;
      fraud_flag: number;
      approved_amount_cents: number | null;
    }>();

export { putImage };
