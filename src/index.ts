import { handleQueueBatch } from "../queues";
import { createApp } from "./app";
import type { Env } from "./env";
import { runScheduledMaintenance } from "./events/scheduled";

export { ClaimCoordinator } from "./durable/claim-coordinator";
export { CustomerEventStream } from "./durable/customer-event-stream";
export { CustomerOnboardingWorkflow } from "./workflows/customer-onboarding";
export { DocumentProcessingWorkflow } from "./workflows/document-processing";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch: MessageBatch<unknown>, env: Env) => handleQueueBatch(batch, env),
  scheduled: async (_controller: ScheduledController, env: Env) => {
    await runScheduledMaintenance(env);
  },
} satisfies ExportedHandler<Env>;
