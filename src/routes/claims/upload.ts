import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../auth/middleware";
import { acceptClaimDocument, safeFilename } from "../../claims/documents/storage";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, inspectPdf, PdfRejectedError, type PdfRejection } from "../../documents";
import type { HonoEnv } from "../../env";
import { ApiError, type ErrorCode } from "../../errors";
import { authErrors, bearerSecurity, errorResponse } from "../shared/responses";

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

const uploadAccepted = z
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

export const uploadRoute = createRoute({
  method: "post",
  path: "/claims/upload",
  tags: ["document claims"],
  summary: "Upload a claim PDF; it is read (text layer, form fields, OCR), scored and reserved asynchronously",
  description: `Multipart form with a \`file\` field (application/pdf, at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB and ${DEFAULT_MAX_PAGES} pages). Answers 202 with the claim id; follow \`status_url\` until the claim is PROCESSED (or FAILED, with a reason).`,
  security: bearerSecurity,
  middleware: [authenticate, requireRole("insurer", "admin")] as const,
  request: {
    body: {
      required: true,
      content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }) } },
    },
  },
  responses: {
    202: { description: "Stored and queued", content: { "application/json": { schema: uploadAccepted } } },
    400: errorResponse("No file, or an empty one"),
    ...authErrors,
    413: errorResponse("File larger than the limit"),
    415: errorResponse("Not multipart, or the file is not a PDF"),
    422: errorResponse("Encrypted, broken, or too many pages"),
    500: errorResponse("STORAGE_ERROR: nothing was kept"),
  },
});

export const registerUpload = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(uploadRoute, async (c) => {
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
      if (err instanceof PdfRejectedError) throw new ApiError(REJECTION_CODES[err.code], err.message, { details: { reason: err.code, ...err.details } });
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
