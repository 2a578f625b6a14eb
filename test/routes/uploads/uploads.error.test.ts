import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../../src/db/client";
import { runBatch } from "../../../src/events/batch";
import { postUploadUrlRoute } from "../../../src/routes/uploads/post";
import { putUploadRoute } from "../../../src/routes/uploads/put";
import { startImageUpload, streamImageToBucket } from "../../../src/uploads/image-upload";
import { issueUploadUrl } from "../../../src/uploads/upload-grants";
import { installOcrLanguageData, LICENCES, licenceImage } from "../../customers/document-fixtures";
import { acceptedCustomer, loginAs, putImage, signUp, waitForEvent } from "../../customers/journey";
import { api, expectError, readAs } from "../../helpers";

const documentsOf = async (customerId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM customer_documents WHERE customer_id = ?")
    .bind(customerId)
    .first<{ n: number }>())!.n;
const objectsOf = async (customerId: string) =>
  (await env.DOCUMENTS.list({ prefix: `customers/${customerId}/` })).objects.length;

const GIF = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);

describe("PUT /uploads/{token} refuses, storing nothing", () => {
  it.each([
    ["a GIF", GIF, "image/jpeg", 400, "INVALID_IMAGE_FORMAT"],
    [
      "a JPEG cut before its frame header",
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]),
      "image/jpeg",
      400,
      "INVALID_IMAGE",
    ],
    ["a text body", new TextEncoder().encode("hello"), "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"],
  ] as const)("%s (%s %s)", async (_name, bytes, type, status, code) => {
    const customer = await acceptedCustomer();
    await expectError(await putImage(customer.licenceUrl, bytes, type), status, code);
    expect(await documentsOf(customer.customerId)).toBe(0);
    expect(await objectsOf(customer.customerId)).toBe(0);
    // The URL was not spent: the right image still goes through.
    await installOcrLanguageData();
    const receipt = await readAs(
      await putImage(customer.licenceUrl, licenceImage(LICENCES.michaelWilliams.file)),
      putUploadRoute,
      202,
    );
    expect(receipt.document_type).toBe("DRIVERS_LICENSE");
  });

  it("a photo under 320×320 and one over 10 MB (declared), from their headers", async () => {
    const customer = await acceptedCustomer();
    const tiny = new Uint8Array(licenceImage(LICENCES.michaelWilliams.file)).slice();
    // Rewrite the frame header's dimensions to 200×100: the check reads them, never decodes.
    const sof = tiny.findIndex((b, i) => b === 0xff && tiny[i + 1] === 0xc0);
    tiny.set([0, 100, 0, 200], sof + 5);
    await expectError(await putImage(customer.licenceUrl, tiny), 400, "VALIDATION_ERROR");
    const huge = await api(new URL(customer.licenceUrl).pathname, {
      method: "PUT",
      body: new Uint8Array(10 * 1024 * 1024 + 1),
      headers: { "content-type": "image/jpeg" },
    });
    await expectError(huge, 413, "PAYLOAD_TOO_LARGE");
    expect(await documentsOf(customer.customerId)).toBe(0);
  });

  it("a forged, altered or expired URL (403) and a used one (409)", async () => {
    const customer = await acceptedCustomer();
    const path = new URL(customer.licenceUrl).pathname;
    const image = licenceImage(LICENCES.michaelWilliams.file);
    const [grantId, expiry, signature] = path.split("/").pop()!.split(".");
    const altered = `/api/v1/uploads/${grantId}.${Number(expiry) + 3600}.${signature}`;
    await expectError(await putImage(`http://x${altered}`, image), 403, "FORBIDDEN");
    await expectError(
      await putImage(`http://x/api/v1/uploads/${grantId}.${expiry}.${"A".repeat(43)}`, image),
      403,
      "FORBIDDEN",
    );
    await expectError(await putImage("http://x/api/v1/uploads/not-a-token", image), 403, "FORBIDDEN");

    const db = createDatabase(env.DB);
    const past = await issueUploadUrl(db, env.JWT_SECRET, {
      customerId: customer.customerId,
      purpose: "CAR",
      origin: "http://claimsedge.test",
      now: new Date(Date.now() - 20 * 60_000),
    });
    await runBatch(db, [past.statement]);
    await expectError(await putImage(past.url, image), 403, "FORBIDDEN");

    await installOcrLanguageData();
    expect((await putImage(customer.licenceUrl, image)).status).toBe(202);
    await expectError(await putImage(customer.licenceUrl, image), 409, "CONFLICT");
    expect(await documentsOf(customer.customerId)).toBe(1);
  });

  it("one URL used by two uploads at once stores one document", async () => {
    const customer = await acceptedCustomer();
    await installOcrLanguageData();
    const image = licenceImage(LICENCES.michaelWilliams.file);
    const statuses = (await Promise.all([1, 2, 3].map(() => putImage(customer.licenceUrl, image)))).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([202, 409, 409]);
    expect(await documentsOf(customer.customerId)).toBe(1);
    expect(await objectsOf(customer.customerId)).toBe(1);
  });

  it("new upload URLs only for an accepted customer, and only for the signup documents", async () => {
    const customer = await acceptedCustomer();
    const ok = await api("/api/v1/uploads", { method: "POST", token: customer.token, body: { purpose: "CAR" } });
    expect((await readAs(ok, postUploadUrlRoute, 201)).upload_url).toMatch(/\/api\/v1\/uploads\//);
    await expectError(
      await api("/api/v1/uploads", { method: "POST", token: customer.token, body: { purpose: "DAMAGE" } }),
      400,
      "VALIDATION_ERROR",
    );
    const rejected = await signUp({ vin: customer.body.vehicle.vin });
    await waitForEvent(rejected.customerId, "Customer.Rejected");
    const token = await loginAs(rejected.body.email, rejected.body.password);
    await expectError(
      await api("/api/v1/uploads", { method: "POST", token, body: { purpose: "CAR" } }),
      409,
      "CONFLICT",
    );
  });
});

describe("streaming an image into R2", () => {
  const streamOf = (bytes: Uint8Array, chunk = 64 * 1024) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
        controller.close();
      },
    });

  it("stores exactly the bytes sent, and nothing when the body is shorter or longer than declared", async () => {
    const bytes = new Uint8Array(licenceImage(LICENCES.michaelWilliams.file));
    const key = `test/${crypto.randomUUID()}.jpg`;
    const start = await startImageUpload(streamOf(bytes, 4096), bytes.length);
    await streamImageToBucket(env.DOCUMENTS, key, start, bytes.length);
    const stored = new Uint8Array(await (await env.DOCUMENTS.get(key))!.arrayBuffer());
    expect(stored).toEqual(bytes);

    for (const declared of [bytes.length + 10, bytes.length - 10]) {
      const wrongKey = `test/${crypto.randomUUID()}.jpg`;
      const upload = startImageUpload(streamOf(bytes), declared).then((s) =>
        streamImageToBucket(env.DOCUMENTS, wrongKey, s, declared),
      );
      await expect(upload).rejects.toThrow();
      expect(await env.DOCUMENTS.head(wrongKey)).toBeNull();
    }
  });
});
