import { z } from "@hono/zod-openapi";
import { acceptClaimDocument, safeFilename } from "../../../claims/documents/storage";
import { ApiError } from "../../../errors/api-error";
import type { ErrorCode } from "../../../errors/codes";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, inspectPdf, PdfRejectedError, type PdfRejection } from "../../../pdf";
import type { Api } from "../../api";
import { binaryFile, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";

export const MAX_DOCUMENT_BYTES = DEFAULT_MAX_BYTES;

const REJECTION_CODES: Record<PdfRejection, ErrorCode> = {
  EMPTY_FILE: "VALIDATION_ERROR",
  NOT_A_PDF: "UNSUPPORTED_MEDIA_TYPE",
  TOO_LARGE: "PAYLOAD_TOO_LARGE",
  ENCRYPTED_PDF: "INVALID_DOCUMENT",
  BROKEN_PDF: "INVALID_DOCUMENT",
  TOO_MANY_PAGES: "INVALID_DOCUMENT",
  IMAGE_TOO_LARGE: "INVALID_DOCUMENT",
  STREAM_TOO_LARGE: "INVALID_DOCUMENT",
  TOO_DEEPLY_NESTED: "INVALID_DOCUMENT",
  TOO_MUCH_CONTENT: "INVALID_DOCUMENT",
  READ_TIME_EXCEEDED: "INVALID_DOCUMENT",
};

export const documentUploadSchema = z
  .object({
    claim_id: z.string(),
    status: z.literal("PENDING"),
    pdf_filename: z.string(),
    pages: z.number().int(),
    bytes: z.number().int(),
    status_url: z.string(),
    document_url: z.string(),
  })
  .openapi("DocumentUploadAccepted");

export const postDocumentUploadRoute = protectedRoute({
  method: "post",
  path: "/claims/upload",
  tags: ["document claims"],
  summary: "Upload a claim PDF; it is read (text layer, form fields, OCR), scored and reserved asynchronously",
  description:
    `Multipart form with a \`file\` field (application/pdf, at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB and ` +
    `${DEFAULT_MAX_PAGES} pages). Answers 202 with the claim id; follow \`status_url\` until the claim is PROCESSED ` +
    "(or FAILED, with a reason).",
  roles: ["insurer", "admin"],
  rateLimit: { family: "document-upload", tier: "expensive" },
  // The PDF limit itself is checked by the handler (413 with the reason); this allows the multipart overhead.
  bodyLimit: MAX_DOCUMENT_BYTES + 1024 * 1024,
  request: {
    body: {
      required: true,
      content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi(binaryFile) }) } },
    },
  },
  responses: { 202: jsonResponse(documentUploadSchema, "Stored and queued") },
  errors: {
    400: "No file, or an empty one",
    413: "File larger than the limit",
    415: "Not multipart, or the file is not a PDF",
    422: "Encrypted, broken, or too many pages (INVALID_DOCUMENT)",
    500: "STORAGE_ERROR: nothing was kept",
  },
});

export const registerPostDocumentUpload = (app: Api) =>
  app.openapi(postDocumentUploadRoute, async (c) => {
    if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the PDF as multipart/form-data with a 'file' field");
    }
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ApiError("VALIDATION_ERROR", "Malformed multipart body");
    }
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError("VALIDATION_ERROR", "A PDF file is required in the 'file' field");
    const bytes = new Uint8Array(await file.arrayBuffer());
    let pages: number;
    try {
      pages = (await inspectPdf(bytes, { maxBytes: MAX_DOCUMENT_BYTES, maxPages: DEFAULT_MAX_PAGES })).pageCount;
    } catch (err) {
      if (err instanceof PdfRejectedError)
        throw new ApiError(REJECTION_CODES[err.code], err.message, { details: { reason: err.code, ...err.details } });
      throw err;
    }
    const claimId = crypto.randomUUID();
    const filename = safeFilename(file.name || "claim.pdf");
    await acceptClaimDocument(c.env, { claimId, bytes, filename, pages }, c.get("user"), c.get("requestId"));
    c.header("Location", `/api/v1/claims/${claimId}`);
    return c.json(
      {
        claim_id: claimId,
        status: "PENDING" as const,
        pdf_filename: filename,
        pages,
        bytes: bytes.byteLength,
        status_url: `/api/v1/claims/${claimId}`,
        document_url: `/api/v1/claims/${claimId}/document`,
      },
      202,
    );
  });
