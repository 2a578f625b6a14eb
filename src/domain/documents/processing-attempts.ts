// How a document claim's processing attempts end: a lease marks the running attempt, and every
// attempt counts — one the runtime killed (CPU or memory limit, crash, restart) as much as one that
// failed in the open. Deterministic failures end the claim at once; others are retried until the last attempt.

/** Attempts a claim gets before it is FAILED (the queue's max_retries = 3 gives a message as many deliveries). */
export const MAX_PROCESSING_ATTEMPTS = 4;

/** A PENDING claim no attempt has picked up for this long lost its message: it is queued again. */
export const STALE_PENDING_MS = 10 * 60_000;

export interface ProcessingState {
  status: string;
  attempts: number;
  /** ISO time the running attempt's lease ends; null when none holds it. */
  leaseExpiresAt: string | null;
  updatedAt: string;
}

export type RecoveryAction = { kind: "none" } | { kind: "requeue"; reason: string } | { kind: "fail"; reason: string };

const leaseExpired = (state: ProcessingState, now: Date) =>
  state.leaseExpiresAt === null || Date.parse(state.leaseExpiresAt) <= now.getTime();

/** The reason a claim fails when its last attempt was stopped before it could finish. */
export const stoppedAttemptsReason = (attempts: number) =>
  `RESOURCE_LIMIT: attempt ${attempts} of ${MAX_PROCESSING_ATTEMPTS} stopped before finishing ` +
  "(the runtime ended it: CPU or memory limit, crash or restart)";

/** Why a claim nothing holds any more is FAILED once its attempts are spent. */
export const spentAttemptsReason = (state: ProcessingState): string =>
  state.status === "PROCESSING"
    ? stoppedAttemptsReason(state.attempts)
    : `ATTEMPTS_EXHAUSTED: ${state.attempts} attempts made, none finished`;

/** What the recovery job does with a claim: nothing, queue it again, or fail it once its attempts are spent. */
export function recoveryAction(state: ProcessingState, now: Date): RecoveryAction {
  if (state.status === "PROCESSING") {
    if (!leaseExpired(state, now)) return { kind: "none" };
    if (state.attempts >= MAX_PROCESSING_ATTEMPTS) return { kind: "fail", reason: spentAttemptsReason(state) };
    return {
      kind: "requeue",
      reason: `the lease of attempt ${state.attempts} of ${MAX_PROCESSING_ATTEMPTS} expired before it finished`,
    };
  }
  if (state.status === "PENDING" && now.getTime() - Date.parse(state.updatedAt) >= STALE_PENDING_MS) {
    if (state.attempts >= MAX_PROCESSING_ATTEMPTS) return { kind: "fail", reason: spentAttemptsReason(state) };
    return { kind: "requeue", reason: `no attempt started in ${STALE_PENDING_MS / 60_000} minutes` };
  }
  return { kind: "none" };
}

export type FailureOutcome = { kind: "fail"; reason: string } | { kind: "retry" };

/** After an attempt failed in the open: a deterministic failure or the last attempt fails the claim; otherwise retry. */
export function afterFailure(failure: { deterministic: boolean; reason: string }, attempt: number): FailureOutcome {
  if (failure.deterministic) return { kind: "fail", reason: failure.reason };
  if (attempt >= MAX_PROCESSING_ATTEMPTS)
    return { kind: "fail", reason: `${failure.reason} (attempt ${attempt} of ${MAX_PROCESSING_ATTEMPTS}, the last)` };
  return { kind: "retry" };
}
