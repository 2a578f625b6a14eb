import type { Env } from "../env";

/** The Durable Object that holds a customer's WebSockets (one per customer). */
export const eventStream = (env: Env, customerId: string) =>
  env.EVENT_STREAMS.get(env.EVENT_STREAMS.idFromName(customerId));
