import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getCustomerRoute } from "../../src/routes/customers/get";
import { postUploadUrlRoute } from "../../src/routes/uploads/post";
import { putUploadRoute } from "../../src/routes/uploads/put";
import { installOcrLanguageData, LICENCES, licenceImage } from "../customers/document-fixtures";
import { acceptedCustomer, putImage, waitForEvent } from "../customers/journey";
import { api, readAs } from "../helpers";

beforeAll(installOcrLanguageData);

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG whose header is sound (signature, IHDR with its checksum) and whose pixel data is not. */
function pngWithCorruptPixels(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", crypto.getRandomValues(new Uint8Array(2048))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

async function uploadLicence(url: string, file: string) {
  return readAs(await putImage(url, licenceImage(file)), putUploadRoute, 202);
}

describe("driver's licence documents", () => {
  it("a licence of the person who signed up: Document.Processed with the barcode's fields, then Fraud.Not.Detected", async () => {
    const licence = LICENCES.michaelWilliams;
    const customer = await acceptedCustomer({ first_name: licence.first, last_name: licence.last });
    const receipt = await uploadLicence(customer.licenceUrl, licence.file);
    expect(receipt).toMatchObject({ document_type: "DRIVERS_LICENSE", status: "UPLOADED" });

    const processed = await waitForEvent(customer.customerId, "Document.Processed");
    expect(processed.detail).toMatchObject({
      customerId: customer.customerId,
      recordId: receipt.document_id,
      documentType: "DRIVERS_LICENSE",
      analyzedFieldAndValues: { FIRST_NAME: "MICHAEL", LAST_NAME: "WILLIAMS", DOCUMENT_NUMBER: licence.number },
    });
    const verdict = await waitForEvent(customer.customerId, "Fraud.Not.Detected");
    expect(verdict.detail).toEqual({
      customerId: customer.customerId,
      recordId: receipt.document_id,
      documentType: "DRIVERS_LICENSE",
    });
  });

  it("a licence with another name: Fraud.Detected (DOCUMENT); a corrected upload wins and the history stays", async () => {
    const licence = LICENCES.michaelWilliams;
    const customer = await acceptedCustomer({ first_name: "Connor", last_name: licence.last });
    const wrong = await uploadLicence(customer.licenceUrl, licence.file);
    const detected = await waitForEvent(customer.customerId, "Fraud.Detected");
    expect(detected.detail).toMatchObject({
      recordId: wrong.document_id,
      documentType: "DRIVERS_LICENSE",
      fraudType: "DOCUMENT",
      fraudReason: "First Name provided does not match with First Name in Driver's License",
    });

    await env.DB.prepare("UPDATE customers SET first_name = 'Michael' WHERE id = ?").bind(customer.customerId).run();
    const fresh = await readAs(
      await api("/api/v1/uploads", { method: "POST", token: customer.token, body: { purpose: "DRIVERS_LICENSE" } }),
      postUploadUrlRoute,
      201,
    );
    const corrected = await uploadLicence(fresh.upload_url, licence.file);
    await waitForEvent(customer.customerId, "Fraud.Not.Detected");

    const view = await readAs(
      await api(`/api/v1/customers/${customer.customerId}`, { token: customer.token }),
      getCustomerRoute,
      200,
    );
    const licences = view.documents.filter((d) => d.document_type === "DRIVERS_LICENSE");
    expect(licences.map((d) => [d.document_id, d.current, d.fraud_verdict])).toEqual([
      [corrected.document_id, true, "NOT_DETECTED"],
      [wrong.document_id, false, "DETECTED"],
    ]);
  });

  it("an expired licence: Fraud.Detected with its expiry date", async () => {
    const licence = LICENCES.lindaTaylorExpired;
    const customer = await acceptedCustomer({ first_name: licence.first, last_name: licence.last });
    await uploadLicence(customer.licenceUrl, licence.file);
    const detected = await waitForEvent(customer.customerId, "Fraud.Detected");
    expect(detected.detail).toMatchObject({
      fraudType: "DOCUMENT",
      fraudReason: "Driver's License expired on 03/23/2025",
    });
  });

  it("a card front without a barcode is read by OCR", async () => {
    const licence = LICENCES.sofiaJohnsonFront;
    const customer = await acceptedCustomer({ first_name: licence.first, last_name: licence.last });
    await uploadLicence(customer.licenceUrl, licence.file);
    const processed = await waitForEvent(customer.customerId, "Document.Processed", 1, 60_000);
    expect(processed.detail.analyzedFieldAndValues).toMatchObject({
      FIRST_NAME: "SOFIA",
      LAST_NAME: "JOHNSON",
      DOCUMENT_NUMBER: licence.number,
      EXPIRATION_DATE: "06/23/2030",
    });
    await waitForEvent(customer.customerId, "Fraud.Not.Detected");
  });

  it("retries a failed reading step and ends complete", async () => {
    await using introspector = await introspectWorkflow(env.DOCUMENT_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "analyse document" }, new Error("isolate restarted"), 1);
    });
    const licence = LICENCES.michaelWilliams;
    const customer = await acceptedCustomer({ first_name: licence.first, last_name: licence.last });
    await uploadLicence(customer.licenceUrl, licence.file);
    const [instance] = await introspector.get();
    await instance!.waitForStatus("complete");
    await waitForEvent(customer.customerId, "Fraud.Not.Detected");
  });

  it("an image that passes the header checks but cannot be decoded ends FAILED with the reason", async () => {
    const customer = await acceptedCustomer();
    const { document_id } = await readAs(
      await putImage(customer.licenceUrl, pngWithCorruptPixels(640, 400), "image/png"),
      putUploadRoute,
      202,
    );
    let row: { status: string; failure_reason: string | null } | null = null;
    for (let i = 0; i < 200 && row?.status !== "FAILED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await env.DB.prepare("SELECT status, failure_reason FROM customer_documents WHERE id = ?")
        .bind(document_id)
        .first();
    }
    expect(row?.status).toBe("FAILED");
    expect(row?.failure_reason).toMatch(/INVALID_IMAGE/);
    // The customer hears it, without the internal reason: upload it again.
    const rejected = await waitForEvent(customer.customerId, "Document.Rejected");
    expect(rejected.detail).toMatchObject({
      recordId: document_id,
      documentType: "DRIVERS_LICENSE",
      code: "UNREADABLE_DOCUMENT",
      message: expect.stringContaining("upload it again"),
    });
    expect(JSON.stringify(rejected.detail)).not.toMatch(/INVALID_IMAGE/);
  });
});
