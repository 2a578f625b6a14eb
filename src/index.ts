import { handleQueueBatch } from "../queues";
import { createApp } from "./app";
import type { Env } from "./env";

export { ClaimCoordinator } from "./durable/claim-coordinator";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<unknown>, env: Env) => handleQueueBatch(batch, env),
} satisfies ExportedHandler<Env>;
