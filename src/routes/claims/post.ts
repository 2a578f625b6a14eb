import { z } from "@hono/zod-openapi";
import type { HealthClaimRecord } from "../../claims/health/benefit-ledger";
import { submitHealthClaim } from "../../claims/health/submit";
import { healthClaimSchema, toHealthClaimView } from "../../claims/views";
import { normalizeCode } from "../../domain/health/codes";
import { EARLIEST_SERVICE_DATE, isPlausibleServiceDate } from "../../domain/health/service-date";
import { CENT_AMOUNT_MESSAGE, isCentAmount, printableLine, printableText } from "../../domain/input-rules";
import { toCents } from "../../domain/money";
import { appConfig } from "../../env";
import { ApiError } from "../../errors/api-error";
import { idempotent } from "../../middleware/idempotency";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";

const MAX_CLAIM_AMOUNT = 100_000_000;
const today = () => new Date().toISOString().slice(0, 10);

const code = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9. ]{1,11}$/, `must be a ${what} code such as D001, J45.909 or 99213`)
    .transform(normalizeCode);

export const healthClaimRequest = z
  .object({
    member_id: printableLine(1, 64).openapi({ example: "M123" }),
    provider_id: printableLine(1, 64).openapi({ example: "H456" }),
    diagnosis_code: code("diagnosis").openapi({ example: "D001" }),
    procedure_code: code("procedure").openapi({ example: "P001" }),
    claim_amount: z
      .number()
      .positive()
      .max(MAX_CLAIM_AMOUNT)
      .refine(isCentAmount, CENT_AMOUNT_MESSAGE)
      .openapi({ example: 15000 }),
    service_date: z.iso
      .date()
      .refine((date) => date <= today(), "must not be in the future")
      .refine(isPlausibleServiceDate, `must not be before ${EARLIEST_SERVICE_DATE}`)
      .optional()
      .openapi({ description: "Date of service (YYYY-MM-DD); defaults to today (UTC)", example: "2026-02-23" }),
    notes: printableText(2000).nullable().optional().openapi({ example: "Emergency Outpatient Appendectomy" }),
  })
  .strict()
  .openapi("HealthClaimRequest");

export const postHealthClaimRoute = protectedRoute({
  method: "post",
  path: "/claims",
  tags: ["health claims"],
  summary: "Submit a health claim and get the adjudication in the same call",
  description:
    "Member eligibility → provider → diagnosis/procedure codes and their pairing → cost anomaly → duplicate check → " +
    "benefit cap (APPROVED in full, PARTIAL up to the remaining benefit, REJECTED when exhausted). Send an " +
    "`Idempotency-Key` header to make retries safe.",
  roles: ["provider", "admin"],
  middleware: [idempotent],
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: jsonBody(healthClaimRequest),
  },
  responses: { 201: jsonResponse(healthClaimSchema, "The adjudicated claim") },
  errors: {
    403: "Only for provider, admin; a provider submits for its own provider id only",
    409: "The Idempotency-Key was used with another body, or is in flight",
  },
});

export const registerPostHealthClaim = (app: Api) =>
  app.openapi(postHealthClaimRoute, async (c) => {
    const body = c.req.valid("json");
    const user = c.get("user");
    if (user.role === "provider" && body.provider_id !== user.providerId) {
      throw new ApiError("FORBIDDEN", "Providers may only submit claims for their own provider id", {
        details: { provider_id: body.provider_id },
      });
    }
    const config = appConfig(c.env);
    const record: HealthClaimRecord = {
      id: crypto.randomUUID(),
      memberId: body.member_id,
      providerId: body.provider_id,
      diagnosisCode: body.diagnosis_code,
      lines: [
        {
          sequence: 1,
          procedureCode: body.procedure_code,
          diagnosisCodes: [body.diagnosis_code],
          amountCents: toCents(body.claim_amount)!,
          serviceDate: body.service_date ?? today(),
        },
      ],
      notes: body.notes ?? null,
      now: new Date().toISOString(),
      actor: user,
      requestId: c.get("requestId"),
      storeLines: false,
    };
    const { claim: row, timings } = await submitHealthClaim(c.env.DB, record, [body.diagnosis_code], {
      averageMultiple: config.COST_ANOMALY_AVERAGE_MULTIPLE,
      stdDevs: config.COST_ANOMALY_STD_DEVS,
    });
    c.header("Server-Timing", `facts;dur=${timings.facts.toFixed(1)}, record;dur=${timings.record.toFixed(1)}`);
    c.header("Location", `/api/v1/claims/${record.id}`);
    return c.json(toHealthClaimView(row), 201);
  });
