import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const ROLES = ["admin", "insurer", "provider", "customer"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  providerId: text("provider_id"),
  customerId: text("customer_id"),
  createdAt: createdAt(),
  /** A deactivated (or deleted) user keeps its row for the audit trail but cannot log in or call anything. */
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  deactivatedAt: text("deactivated_at"),
});

/** One login: the access tokens it issues carry its id (`sid`); revoking it ends them all within seconds. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every refresh token a session has had (hash only): the current one has no `replaced_at`; presenting a replaced one is reuse. */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id").notNull(),
    issuedAt: text("issued_at").notNull(),
    replacedAt: text("replaced_at"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId)],
);

/** Failed-login counters, one row per throttle key ("pair:<email> <address>" or "account:<email>"). */
export const loginThrottles = sqliteTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at").notNull(),
  lockedUntil: integer("locked_until"),
  lastFailureAt: integer("last_failure_at"),
});

/** Addresses (keyed hashes) a user has logged in from: the account-wide slow-down does not apply to them. */
export const loginKnownAddresses = sqliteTable(
  "login_known_addresses",
  {
    userId: text("user_id").notNull(),
    addressHash: text("address_hash").notNull(),
    lastSuccessAt: integer("last_success_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.addressHash] })],
);

/** Append-only: who did what to which entity, with the state before and after. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_entity_idx").on(t.entityType, t.entityId)],
);

export const CHANNELS = ["health", "photo", "document", "fnol"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLAIM_STATUSES = [
  "PENDING",
  "PROCESSING",
  "PROCESSED",
  "APPROVED",
  "PARTIAL",
  "REJECTED",
  "FAILED",
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimReason {
  code: string;
  message: string;
  item_sequence?: number;
}

/** One adjudicated line of a health claim; money in cents. */
export interface ClaimLine {
  sequence: number;
  procedure_code: string;
  diagnosis_codes: string[];
  service_date: string;
  claim_amount_cents: number;
  approved_amount_cents: number;
  status: ClaimStatus;
  reasons: ClaimReason[];
  fraud_flag: boolean;
}

/** One table for every channel; channel-specific columns are null elsewhere. Money in cents. */
export const claims = sqliteTable(
  "claims",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    status: text("status", { enum: CLAIM_STATUSES }).notNull(),
    ownerUserId: text("owner_user_id"),
    customerId: text("customer_id"),
    memberId: text("member_id"),
    providerId: text("provider_id"),
    assignedInsurerId: text("assigned_insurer_id"),
    diagnosisCode: text("diagnosis_code"),
    procedureCode: text("procedure_code"),
    serviceDate: text("service_date"),
    claimAmountCents: integer("claim_amount_cents"),
    approvedAmountCents: integer("approved_amount_cents"),
    fraudFlag: integer("fraud_flag", { mode: "boolean" }).notNull().default(false),
    fraudReason: text("fraud_reason"),
    reasons: text("reasons", { mode: "json" }).$type<ClaimReason[]>().notNull().default(sql`'[]'`),
    // Health claims with several lines (HL7 FHIR claims): each line as adjudicated; null for one-line claims.
    lines: text("lines", { mode: "json" }).$type<ClaimLine[]>(),
    // Health claims: member, provider and each line's procedure, service date and amount as one value;
    // unique among the claims not rejected, so the duplicate check is atomic with the benefit deduction.
    duplicateKey: text("duplicate_key"),
    notes: text("notes"),
    // Document claims: the PDF in R2, what was read from it, why it failed.
    documentKey: text("document_key"),
    documentFilename: text("document_filename"),
    documentBytes: integer("document_bytes"),
    policyNumber: text("policy_number"),
    extractedData: text("extracted_data", { mode: "json" }).$type<Record<string, unknown>>(),
    failureReason: text("failure_reason"),
    // Document claims: how many processing attempts have started, and until when the running one holds the claim.
    processingAttempts: integer("processing_attempts").notNull().default(0),
    leaseExpiresAt: text("lease_expires_at"),
    // An adjuster's verdict on fraud, the label retraining learns from.
    fraudConfirmed: integer("fraud_confirmed", { mode: "boolean" }),
    // Photo claims: the client's claim id, the model's decision (system_status never
    // changes after it; `status` is the effective one), the stored photo and the override.
    clientClaimId: text("client_claim_id"),
    systemStatus: text("system_status", { enum: CLAIM_STATUSES }),
    photoKey: text("photo_key"),
    photoResult: text("photo_result", { mode: "json" }).$type<Record<string, unknown>>(),
    userOverride: integer("user_override", { mode: "boolean" }).notNull().default(false),
    overrideReason: text("override_reason"),
    overrideAt: text("override_at"),
    // Bumped by a trigger on every UPDATE (migrations/0010): the ETag that If-Match is checked against.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
    processedAt: text("processed_at"),
  },
  (t) => [
    index("claims_channel_created_idx").on(t.channel, t.createdAt),
    index("claims_created_idx").on(t.createdAt),
    index("claims_assignee_idx").on(t.assignedInsurerId, t.createdAt),
    index("claims_member_idx").on(t.memberId, t.createdAt),
    index("claims_provider_idx").on(t.providerId, t.createdAt),
    index("claims_customer_idx").on(t.customerId, t.createdAt),
    index("claims_duplicate_idx").on(t.memberId, t.providerId, t.procedureCode, t.serviceDate, t.claimAmountCents),
    // The duplicate check reads the lines of a member's claims that have lines, and only those.
    index("claims_with_lines_idx").on(t.memberId, t.providerId).where(sql`lines IS NOT NULL`),
    uniqueIndex("claims_photo_client_id_idx").on(t.customerId, t.clientClaimId).where(sql`channel = 'photo'`),
    uniqueIndex("claims_duplicate_key_idx").on(t.duplicateKey).where(sql`status != 'REJECTED'`),
    // The recovery job's sweep: claims waiting for, or held by, a processing attempt.
    index("claims_in_process_idx").on(t.status, t.leaseExpiresAt).where(sql`status IN ('PENDING', 'PROCESSING')`),
  ],
);

/** A health claim submitted as an HL7 FHIR R4 Claim: the resource as stored, read back by the FHIR routes. */
export const fhirClaims = sqliteTable("fhir_claims", {
  claimId: text("claim_id")
    .primaryKey()
    .references(() => claims.id, { onDelete: "cascade" }),
  resource: text("resource", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  // ISO 4217 code of the claim's Money values, echoed in the ClaimResponse; null when the claim named none.
  currency: text("currency"),
  createdAt: createdAt(),
});

export const MEMBER_STATUSES = ["ACTIVE", "INACTIVE", "SUSPENDED"] as const;

/** Health-plan members; `remainingBenefitCents` only ever moves through a conditional UPDATE. */
export const members = sqliteTable("members", {
  memberId: text("member_id").primaryKey(),
  firstName: text("first_name"),
  lastName: text("last_name"),
  status: text("status", { enum: MEMBER_STATUSES }).notNull(),
  benefitLimitCents: integer("benefit_limit_cents").notNull(),
  remainingBenefitCents: integer("remaining_benefit_cents").notNull(),
  // What the last adjudication deducted: written in the same UPDATE, read in the same batch.
  lastDeductionCents: integer("last_deduction_cents").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

export const PROVIDER_STATUSES = ["ACTIVE", "INACTIVE", "SUSPENDED"] as const;

export const providers = sqliteTable("providers", {
  providerId: text("provider_id").primaryKey(),
  name: text("name").notNull(),
  status: text("status", { enum: PROVIDER_STATUSES }).notNull(),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

export const diagnosisCodes = sqliteTable("diagnosis_codes", {
  code: text("code").primaryKey(),
  description: text("description").notNull(),
  billable: integer("billable", { mode: "boolean" }).notNull().default(true),
  updatedAt: text("updated_at").notNull(),
});

export const procedureCodes = sqliteTable("procedure_codes", {
  code: text("code").primaryKey(),
  description: text("description").notNull(),
  averageCostCents: integer("average_cost_cents"),
  costStdDevCents: integer("cost_std_dev_cents"),
  updatedAt: text("updated_at").notNull(),
});

/** Allowed diagnosis → procedure pairs; a trailing `*` in a pattern matches a code prefix. */
export const procedureRules = sqliteTable(
  "procedure_rules",
  {
    diagnosisPattern: text("diagnosis_pattern").notNull(),
    procedurePattern: text("procedure_pattern").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.diagnosisPattern, t.procedurePattern] })],
);

/** Stripe-style idempotency: one row per (caller, key), holding the first response. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    // The created resource's path (the response's Location), so deleting the resource deletes its record.
    resourcePath: text("resource_path"),
    lockedAt: integer("locked_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_resource_idx").on(t.resourcePath).where(sql`resource_path IS NOT NULL`),
  ],
);

export const MODEL_TYPES = ["fraud", "reserve", "damage", "colour", "severity"] as const;
export const MODEL_STATUSES = ["active", "inactive", "training", "failed"] as const;

/** The model registry: every stored version of every model, at most one active per name. */
export const modelStats = sqliteTable(
  "model_stats",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelName: text("model_name").notNull(),
    modelType: text("model_type", { enum: MODEL_TYPES }).notNull(),
    dataset: text("dataset"),
    version: text("version").notNull(),
    status: text("status", { enum: MODEL_STATUSES }).notNull(),
    metrics: text("metrics", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    artifactKey: text("artifact_key").notNull(),
    trainedAt: text("trained_at").notNull(),
    promotedAt: text("promoted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("model_stats_name_version_idx").on(t.modelName, t.version),
    uniqueIndex("model_stats_one_active_idx").on(t.modelName).where(sql`status = 'active'`),
  ],
);

export const TRAINING_JOB_STATUSES = ["queued", "running", "promoted", "kept_champion", "refused", "failed"] as const;

/** A retraining request and what came of it. */
export const trainingJobs = sqliteTable("training_jobs", {
  id: text("id").primaryKey(),
  modelName: text("model_name").notNull(),
  status: text("status", { enum: TRAINING_JOB_STATUSES }).notNull(),
  requestedBy: text("requested_by"),
  result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
  finishedAt: text("finished_at"),
});

/** One prediction per claim (the primary key makes a redelivered message harmless). */
export const predictions = sqliteTable("predictions", {
  claimId: text("claim_id").primaryKey(),
  fraudScore: real("fraud_score").notNull(),
  isFraudulent: integer("is_fraudulent", { mode: "boolean" }).notNull(),
  fraudThreshold: real("fraud_threshold").notNull(),
  reserveEstimateCents: integer("reserve_estimate_cents"),
  modelVersion: text("model_version").notNull(),
  reserveModelVersion: text("reserve_model_version"),
  explanation: text("explanation", { mode: "json" }).$type<unknown[]>(),
  createdAt: createdAt(),
});

/** Policies with their insured's attributes, joined to document claims by policy number. */
export const policies = sqliteTable("policies", {
  policyNumber: text("policy_number").primaryKey(),
  // The insurance_claims data set's policy and insured columns, under their own names.
  attributes: text("attributes", { mode: "json" }).$type<Record<string, string>>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** A photo's perceptual hash, split into 8 bands of 8 bits: two hashes within 7 bits share a band. */
export const photoFingerprints = sqliteTable(
  "photo_fingerprints",
  {
    claimId: text("claim_id").notNull(),
    customerId: text("customer_id").notNull(),
    perceptualHash: text("perceptual_hash").notNull(),
    band: integer("band").notNull(),
    bandValue: integer("band_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.band] }), index("photo_fingerprints_band_idx").on(t.band, t.bandValue)],
);

// ── First notice of loss: customers who sign up in the app, their car, policy and documents ──

export const CUSTOMER_STATUSES = ["SUBMITTED", "ACCEPTED", "REJECTED", "ERASED"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** A customer who signed up in the app; personal columns are nulled when the customer is erased. */
export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    status: text("status", { enum: CUSTOMER_STATUSES }).notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    // HMAC-SHA256 of the nine digits under PII_HASH_KEY: duplicates are found, the number is never kept.
    ssnHash: text("ssn_hash"),
    ssnLast4: text("ssn_last4"),
    street: text("street"),
    city: text("city"),
    state: text("state"),
    zip: text("zip"),
    rejectionReason: text("rejection_reason"),
    emailVerifiedAt: text("email_verified_at"),
    // The API origin the customer signed up through: upload URLs in its events point there.
    apiOrigin: text("api_origin").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
    erasedAt: text("erased_at"),
  },
  (t) => [index("customers_ssn_hash_idx").on(t.ssnHash), uniqueIndex("customers_user_idx").on(t.userId)],
);

/** The insured car; one per customer today, a table of its own so a second car needs no migration. */
export const vehicles = sqliteTable(
  "vehicles",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    make: text("make").notNull(),
    model: text("model").notNull(),
    color: text("color").notNull(),
    type: text("type").notNull(),
    year: integer("year").notNull(),
    mileage: integer("mileage").notNull(),
    vin: text("vin"),
    createdAt: createdAt(),
  },
  (t) => [index("vehicles_customer_idx").on(t.customerId), index("vehicles_vin_idx").on(t.vin)],
);

export const AUTO_POLICY_STATUSES = ["PENDING", "ACTIVE", "DECLINED", "CANCELLED"] as const;

/**
 * Motor policies issued at signup (the `policies` table holds the insurer's imported book that
 * document claims join to). Money in cents; the colour is the one given at signup.
 */
export const autoPolicies = sqliteTable(
  "auto_policies",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    vehicleId: text("vehicle_id").notNull(),
    vin: text("vin").notNull(),
    product: text("product").notNull(),
    status: text("status", { enum: AUTO_POLICY_STATUSES }).notNull(),
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    collisionDeductibleCents: integer("collision_deductible_cents").notNull(),
    rentalDailyCapCents: integer("rental_daily_cap_cents").notNull(),
    rentalMaxDays: integer("rental_max_days").notNull(),
    color: text("color").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("auto_policies_customer_idx").on(t.customerId),
    // One active policy per car: a second signup for the same VIN cannot be accepted, even in a race.
    uniqueIndex("auto_policies_active_vin_idx").on(t.vin).where(sql`status = 'ACTIVE'`),
  ],
);

/** The one-time code that confirms a customer's email; only its hash is kept. */
export const emailVerifications = sqliteTable("email_verifications", {
  customerId: text("customer_id").primaryKey(),
  codeHash: text("code_hash").notNull(),
  expiresAt: text("expires_at").notNull(),
  attempts: integer("attempts").notNull().default(0),
  sentAt: text("sent_at").notNull(),
});

/** Every email the service sends, written in the same batch as the change that caused it. */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id"),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_recipient_idx").on(t.recipient, t.createdAt)],
);

export const UPLOAD_PURPOSES = ["DRIVERS_LICENSE", "CAR", "DAMAGE"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** A signed upload URL's server side: bound to a customer and a purpose, consumed once. */
export const uploadGrants = sqliteTable(
  "upload_grants",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    purpose: text("purpose", { enum: UPLOAD_PURPOSES }).notNull(),
    claimId: text("claim_id"),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    documentId: text("document_id"),
    createdAt: createdAt(),
  },
  (t) => [index("upload_grants_customer_idx").on(t.customerId)],
);

export const CUSTOMER_DOCUMENT_STATUSES = ["UPLOADED", "PROCESSED", "FAILED", "ERASED"] as const;
export const FRAUD_VERDICTS = ["DETECTED", "NOT_DETECTED"] as const;

/** Every licence and car image a customer uploaded: the latest of a type counts, the history stays. */
export const customerDocuments = sqliteTable(
  "customer_documents",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    documentType: text("document_type", { enum: UPLOAD_PURPOSES }).notNull(),
    claimId: text("claim_id"),
    objectKey: text("object_key"),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    status: text("status", { enum: CUSTOMER_DOCUMENT_STATUSES }).notNull(),
    analysis: text("analysis", { mode: "json" }).$type<Record<string, unknown>>(),
    failureReason: text("failure_reason"),
    fraudVerdict: text("fraud_verdict", { enum: FRAUD_VERDICTS }),
    fraudType: text("fraud_type"),
    fraudReason: text("fraud_reason"),
    uploadedAt: text("uploaded_at").notNull(),
    processedAt: text("processed_at"),
  },
  (t) => [index("customer_documents_customer_idx").on(t.customerId, t.documentType, t.uploadedAt)],
);

/**
 * The domain event log, append-only (a trigger refuses UPDATE and DELETE except an erasure's
 * pseudonymisation). `seq` is the order clients replay in; `id` is the envelope's id.
 */
export const domainEvents = sqliteTable(
  "domain_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    detailType: text("detail_type").notNull(),
    source: text("source").notNull(),
    time: text("time").notNull(),
    version: text("version").notNull(),
    customerId: text("customer_id"),
    subjectId: text("subject_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    pseudonymisedAt: text("pseudonymised_at"),
  },
  (t) => [
    index("domain_events_customer_idx").on(t.customerId, t.seq),
    index("domain_events_type_time_idx").on(t.detailType, t.time),
    index("domain_events_time_idx").on(t.time),
  ],
);

export const EVENT_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "DEAD_LETTERED"] as const;

/** Whether the queue consumer has dispatched an event to every reactor; the relay re-sends the rest. */
export const eventDeliveries = sqliteTable(
  "event_deliveries",
  {
    eventId: text("event_id").primaryKey(),
    status: text("status", { enum: EVENT_DELIVERY_STATUSES }).notNull(),
    sends: integer("sends").notNull().default(1),
    lastSentAt: text("last_sent_at").notNull(),
    deliveredAt: text("delivered_at"),
  },
  (t) => [index("event_deliveries_pending_idx").on(t.lastSentAt).where(sql`status = 'PENDING'`)],
);

/** One row per (event, reactor) that has reacted, written in the same batch as the reaction's effect. */
export const reactorReceipts = sqliteTable(
  "reactor_receipts",
  {
    eventId: text("event_id").notNull(),
    reactor: text("reactor").notNull(),
    reactedAt: text("reacted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.reactor] })],
);

/** Messages that failed every retry, kept for an admin to see and replay. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    queue: text("queue").notNull(),
    messageId: text("message_id").notNull(),
    eventId: text("event_id"),
    body: text("body", { mode: "json" }).notNull(),
    attempts: integer("attempts").notNull(),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [uniqueIndex("dead_letters_message_idx").on(t.queue, t.messageId)],
);

/** Single-use tickets that let a browser open the event stream (WebSockets carry no Authorization header). */
export const streamTickets = sqliteTable("stream_tickets", {
  ticketHash: text("ticket_hash").primaryKey(),
  userId: text("user_id").notNull(),
  customerId: text("customer_id").notNull(),
  /** The login session the ticket was issued in: it opens nothing once that session is revoked. */
  sessionId: text("session_id"),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

// ── First notice of loss, claims: the claim's own facts, its settlement versions, rental cars ──

export const FNOL_STAGES = [
  "REQUESTED",
  "AWAITING_PHOTO",
  "PHOTO_RECEIVED",
  "SETTLED",
  "REJECTED",
  "FRAUD_DETECTED",
  "ABANDONED",
  "FAILED",
] as const;
export type FnolStage = (typeof FNOL_STAGES)[number];

/**
 * A first notice of loss beside its row in `claims` (channel `fnol`, same id): the source system's
 * claim body and where the claim Workflow has got to.
 */
export const fnolClaims = sqliteTable(
  "fnol_claims",
  {
    claimId: text("claim_id").primaryKey(),
    customerId: text("customer_id").notNull(),
    policyId: text("policy_id").notNull(),
    occurrenceAt: text("occurrence_at").notNull(),
    fnolAt: text("fnol_at").notNull(),
    driversLicenseNumber: text("drivers_license_number").notNull(),
    // incident, personalInformation, policeReport, otherParty as submitted (camelCase, as the app sends them).
    submission: text("submission", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    stage: text("stage", { enum: FNOL_STAGES }).notNull(),
    stageReason: text("stage_reason"),
    damageDocumentId: text("damage_document_id"),
    photoAttempts: integer("photo_attempts").notNull().default(0),
    // What the damage photo showed: damage, colour and severity with the models' versions.
    damageAssessment: text("damage_assessment", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("fnol_claims_customer_idx").on(t.customerId, t.createdAt)],
);

/** Every version of a claim's settlement (version 1 computed, later ones adjusters' overrides); never updated. */
export const fnolSettlements = sqliteTable(
  "fnol_settlements",
  {
    id: text("id").primaryKey(),
    claimId: text("claim_id").notNull(),
    customerId: text("customer_id").notNull(),
    version: integer("version").notNull(),
    repairEstimateCents: integer("repair_estimate_cents").notNull(),
    actualCashValueCents: integer("actual_cash_value_cents").notNull(),
    deductibleCents: integer("deductible_cents").notNull(),
    totalLoss: integer("total_loss", { mode: "boolean" }).notNull(),
    payoutCents: integer("payout_cents").notNull(),
    outOfPocketCents: integer("out_of_pocket_cents").notNull(),
    rentalDays: integer("rental_days").notNull(),
    reviewRecommended: integer("review_recommended", { mode: "boolean" }).notNull(),
    decidedBy: text("decided_by").notNull(),
    // The domain's Settlement (the input of the next override) and, for version 1, the valuation and estimate.
    settlement: text("settlement", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    assessment: text("assessment", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("fnol_settlements_claim_version_idx").on(t.claimId, t.version)],
);

/** Rental car branches the insurer books with; an admin maintains them (PUT /vendors/{id}). */
export const rentalVendors = sqliteTable("rental_vendors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  city: text("city"),
  state: text("state"),
  zip: text("zip"),
  latitude: real("latitude"),
  longitude: real("longitude"),
  dailyRateCents: integer("daily_rate_cents").notNull(),
  availableUnits: integer("available_units").notNull(),
  availableFrom: text("available_from"),
  availableUntil: text("available_until"),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

/** The rental car of a claim: one row per claim (its id derived from the claim), or why none was booked. */
export const rentalBookings = sqliteTable(
  "rental_bookings",
  {
    id: text("id").primaryKey(),
    claimId: text("claim_id").notNull(),
    customerId: text("customer_id").notNull(),
    booked: integer("booked", { mode: "boolean" }).notNull(),
    vendorId: text("vendor_id"),
    vendorName: text("vendor_name"),
    dailyRateCents: integer("daily_rate_cents"),
    days: integer("days").notNull(),
    totalCents: integer("total_cents"),
    reason: text("reason"),
    settlementVersion: integer("settlement_version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("rental_bookings_claim_idx").on(t.claimId)],
);
