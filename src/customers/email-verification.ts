import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { Database } from "../db/client";
import { customers, emailVerifications } from "../db/schema";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import type { Statement } from "../events/event-log";
import { queueEmail } from "../notifications/email-outbox";
import type { CustomerRow } from "./customer-records";
import { piiHash } from "./pii-hash";

export const VERIFICATION_CODE_TTL_MINUTES = 30;
export const MAX_VERIFICATION_ATTEMPTS = 5;

/** Six uniformly random digits (rejection sampling keeps every code equally likely). */
export function newVerificationCode(): string {
  const buffer = new Uint32Array(1);
  const limit = Math.floor(0xffffffff / 1_000_000) * 1_000_000;
  do crypto.getRandomValues(buffer);
  while (buffer[0]! >= limit);
  return String(buffer[0]! % 1_000_000).padStart(6, "0");
}

// Keyed and bound to the customer: a leaked table does not give the codes away by brute force.
const codeHash = (env: Env, customerId: string, code: string) =>
  piiHash(env.PII_HASH_KEY, `email-code:${customerId}`, code);

/** A fresh code for the customer (replacing any earlier one) and the email that carries it. */
export async function verificationCodeStatements(
  env: Env,
  db: Database,
  customer: Pick<CustomerRow, "id" | "email" | "firstName">,
  now: Date,
  emailId?: string,
): Promise<Statement[]> {
  if (!customer.email) return [];
  const code = newVerificationCode();
  const row = {
    customerId: customer.id,
    codeHash: await codeHash(env, customer.id, code),
    expiresAt: new Date(now.getTime() + VERIFICATION_CODE_TTL_MINUTES * 60_000).toISOString(),
    attempts: 0,
    sentAt: now.toISOString(),
  };
  return [
    db.insert(emailVerifications).values(row).onConflictDoUpdate({ target: emailVerifications.customerId, set: row }),
    queueEmail(
      db,
      {
        customerId: customer.id,
        recipient: customer.email,
        subject: "Your ClaimsEdge verification code",
        body: `Hello ${customer.firstName ?? ""},\n\nYour verification code is ${code}. It expires in ${VERIFICATION_CODE_TTL_MINUTES} minutes.\n\nIf you did not sign up, ignore this email.`,
      },
      emailId,
    ),
  ];
}

const invalidCode = () => new ApiError("VALIDATION_ERROR", "Invalid or expired verification code");

/**
 * Confirms a customer's email with its code. Each try spends an attempt first (one conditional
 * UPDATE), so guessing is capped at MAX_VERIFICATION_ATTEMPTS whatever the concurrency; every
 * failure — unknown email, wrong, expired or exhausted code — gets the same answer.
 */
export async function verifyEmail(env: Env, db: Database, email: string, code: string, requestId: string) {
  const now = new Date();
  const customer = await db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email), isNull(customers.erasedAt)))
    .get();
  if (!customer) throw invalidCode();
  if (customer.emailVerifiedAt) return { customerId: customer.id, verifiedAt: customer.emailVerifiedAt };
  const [attempt] = await db
    .update(emailVerifications)
    .set({ attempts: sql`${emailVerifications.attempts} + 1` })
    .where(
      and(eq(emailVerifications.customerId, customer.id), lt(emailVerifications.attempts, MAX_VERIFICATION_ATTEMPTS)),
    )
    .returning();
  if (!attempt || attempt.expiresAt <= now.toISOString()) throw invalidCode();
  if (!timingSafeEqual(attempt.codeHash, await codeHash(env, customer.id, code))) throw invalidCode();
  const at = now.toISOString();
  await runBatch(db, [
    db.update(customers).set({ emailVerifiedAt: at, updatedAt: at }).where(eq(customers.id, customer.id)),
    db.delete(emailVerifications).where(eq(emailVerifications.customerId, customer.id)),
    auditInsert(db, {
      entityType: "customer",
      entityId: customer.id,
      action: "customer.email_verified",
      actor: { id: customer.userId, role: "customer" },
      requestId,
    }),
  ]);
  return { customerId: customer.id, verifiedAt: at };
}

/** A new code for an unverified customer; nothing (and no sign of it) for anyone else. */
export async function resendVerificationCode(env: Env, db: Database, email: string): Promise<void> {
  const customer = await db
    .select()
    .from(customers)
    .where(and(eq(customers.email, email), isNull(customers.erasedAt), isNull(customers.emailVerifiedAt)))
    .get();
  if (!customer) return;
  await runBatch(db, await verificationCodeStatements(env, db, customer, new Date()));
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
