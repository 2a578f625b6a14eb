import { handleQueueBatch } from "../queues";
import { createApp } from "./app";
import type { Env } from "./env";
import { handleScheduled } from "./scheduled";

export { ClaimCoordinator } from "./durable/claim-coordinator";
export { CustomerEventStream } from "./durable/customer-event-stream";
export { CustomerOnboardingWorkflow } from "./workflows/customer-onboarding";
export { DocumentProcessingWorkflow } from "./workflows/document-processing";
export { FnolClaimWorkflow } from "./workflows/fnol-claim";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<unknown>, env: Env) => handleQueueBatch(batch, env),
  scheduled: (controller: ScheduledController, env: Env) => handleScheduled(controller, env),
} satisfies ExportedHandler<Env>;
