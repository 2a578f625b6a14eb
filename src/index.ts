import { createApp } from "./app";
import type { ClaimDocumentMessage, Env } from "./env";
import { handleQueueBatch } from "../queues";

export { ClaimCoordinator } from "./durable/claim-coordinator";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<ClaimDocumentMessage>, env: Env) => handleQueueBatch(batch, env),
} satisfies ExportedHandler<Env, ClaimDocumentMessage>;
