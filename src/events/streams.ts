import { streamTags } from "../durable/customer-event-stream";
import type { Env } from "../env";

/** The Durable Object that holds a customer's WebSockets (one per customer). */
export const eventStream = (env: Env, customerId: string) =>
  env.EVENT_STREAMS.get(env.EVENT_STREAMS.idFromName(customerId));

/**
 * Closes the open streams of a login session or of a user whose access ended, so a socket never
 * outlives the credential that opened it. Best effort: a failure leaves only sockets whose next
 * reconnection is refused anyway.
 */
export async function closeStreams(
  env: Env,
  customerId: string | null | undefined,
  whose: { sessionId: string } | { userId: string },
  reason: string,
): Promise<number> {
  if (!customerId) return 0;
  const tag = "sessionId" in whose ? streamTags.session(whose.sessionId) : streamTags.user(whose.userId);
  return eventStream(env, customerId)
    .closeTagged(tag, reason)
    .catch(() => 0);
}
