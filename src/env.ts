import { z } from "zod";
import type { CurrentUser } from "./auth/current-user";
import type { Database } from "./db/client";
import type { ClaimCoordinator } from "./durable/claim-coordinator";
import type { CustomerEventStream } from "./durable/customer-event-stream";
import type { OnboardingParams } from "./workflows/customer-onboarding";
import type { DocumentProcessingParams } from "./workflows/document-processing";
import type { FnolClaimParams } from "./workflows/fnol-claim";

/** Every binding, variable and secret the Worker uses. Declared in wrangler.toml / .dev.vars. */
export interface Env {
  DB: D1Database;
  DOCUMENTS: R2Bucket;
  MODELS: R2Bucket;
  CLAIM_DOCUMENTS_QUEUE: Queue<ClaimDocumentMessage>;
  MODEL_TRAINING_QUEUE: Queue<ModelTrainingMessage>;
  CLAIM_COORDINATOR: DurableObjectNamespace<ClaimCoordinator>;
  DOMAIN_EVENTS_QUEUE: Queue<DomainEventMessage>;
  EVENT_STREAMS: DurableObjectNamespace<CustomerEventStream>;
  ONBOARDING_WORKFLOW: Workflow<OnboardingParams>;
  DOCUMENT_WORKFLOW: Workflow<DocumentProcessingParams>;
  CLAIM_WORKFLOW: Workflow<FnolClaimParams>;
  SIGNUP_LIMITER: RateLimit;
  /** Login attempts per client address (a NAT's worth). */
  LOGIN_ADDRESS_LIMITER: RateLimit;
  /** Login attempts per account from addresses it never logged in from, once the account is under attack. */
  LOGIN_ACCOUNT_LIMITER: RateLimit;
  /** Expensive work (OCR, inference, training, registration) per user and route family. */
  EXPENSIVE_USER_LIMITER: RateLimit;
  /** Expensive work per client address and route family. */
  EXPENSIVE_ADDRESS_LIMITER: RateLimit;
  APP_VERSION: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  JWT_TTL_SECONDS: string;
  JWT_SECRET: string;
  /** How long a login (its refresh token) lasts without being refreshed. */
  SESSION_TTL_SECONDS: string;
  /** Comma-separated origins allowed by CORS (the mobile app's and the console's). */
  CORS_ORIGINS?: string;
  /** "off" only for local load tests (the benchmarks): skips the expensive-work rate limits. */
  RATE_LIMITS?: string;
  COST_ANOMALY_AVERAGE_MULTIPLE?: string;
  COST_ANOMALY_STD_DEVS?: string;
  DOCUMENT_LEASE_SECONDS?: string;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  /** Keys the SSN hash (HMAC-SHA256); rotating it makes earlier hashes unmatchable. */
  PII_HASH_KEY: string;
  /** "true" in local config only: mounts /api/v1/dev/* (the email outbox). */
  DEV_ROUTES?: string;
}

/** A domain event to dispatch: the consumer reads the event itself from the log by id. */
export interface DomainEventMessage {
  eventId: string;
}

export interface ClaimDocumentMessage {
  claimId: string;
  documentKey: string;
}

export interface ModelTrainingMessage {
  jobId: string;
}

export type HonoEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Database;
    user: CurrentUser;
  };
};

const optionalThreshold = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      if (value.trim().toLowerCase() === "off") return null;
      const parsed = Number(value);
      if (!Number.isFinite(parsed) || parsed <= 0) {
        ctx.addIssue({ code: "custom", message: "must be a positive number or 'off'" });
        return z.NEVER;
      }
      return parsed;
    });

const configSchema = z.object({
  APP_VERSION: z.string().min(1),
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(3_600)
    .max(90 * 86_400),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(z.array(z.url().refine((origin) => origin !== "*", "must name origins, not '*'"))),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters"),
  PII_HASH_KEY: z.string().min(32, "PII_HASH_KEY must be at least 32 characters"),
  // The health-claim cost-anomaly thresholds; "off" disables one.
  COST_ANOMALY_AVERAGE_MULTIPLE: optionalThreshold(2.0),
  COST_ANOMALY_STD_DEVS: optionalThreshold(2.0),
  // How long a document claim's processing attempt holds the claim; past it, the recovery job takes over.
  DOCUMENT_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
});

export type AppConfig = z.infer<typeof configSchema>;

const configCache = new WeakMap<Env, AppConfig>();

/** Parses the vars and secrets once per env object; a misconfigured deploy fails loudly. */
export function appConfig(env: Env): AppConfig {
  let config = configCache.get(env);
  if (!config) {
    const parsed = configSchema.safeParse(env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid Worker configuration: ${problems}`);
    }
    config = parsed.data;
    configCache.set(env, config);
  }
  return config;
}
