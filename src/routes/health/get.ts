import { claimCoordinator } from "../../durable/claim-coordinator";
import type { Env } from "../../env";
import { modelLoadingReport } from "../../model-registry/loader";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { publicRoute } from "../shared/protected-route";
import { type HealthCheck, healthSchema } from "./schema";

export const getHealthRoute = publicRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Liveness and binding checks",
  responses: {
    200: jsonResponse(healthSchema, "Every binding answers"),
    503: jsonResponse(healthSchema, "A binding failed"),
  },
});

async function timed(probe: () => Promise<unknown>): Promise<HealthCheck> {
  const started = Date.now();
  try {
    await probe();
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    return { ok: false, ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function checkBindings(env: Env): Promise<Record<string, HealthCheck>> {
  const [database, documents, models, coordinator] = await Promise.all([
    timed(() => env.DB.prepare("SELECT 1").first()),
    timed(() => env.DOCUMENTS.head("health-check")),
    timed(() => env.MODELS.head("health-check")),
    timed(() => claimCoordinator(env, "health-check").ping()),
  ]);
  const queue = (binding: Queue<unknown> | undefined): HealthCheck => ({
    ok: typeof binding?.send === "function",
    ms: 0,
  });
  return {
    database,
    documents_bucket: documents,
    models_bucket: models,
    claim_coordinator: coordinator,
    claim_documents_queue: queue(env.CLAIM_DOCUMENTS_QUEUE),
    model_training_queue: queue(env.MODEL_TRAINING_QUEUE),
  };
}

export const registerGetHealth = (app: Api) =>
  app.openapi(getHealthRoute, async (c) => {
    const checks = await checkBindings(c.env);
    const ok = Object.values(checks).every((check) => check.ok);
    const body = {
      status: ok ? ("ok" as const) : ("degraded" as const),
      version: c.env.APP_VERSION,
      checks,
      models: modelLoadingReport(),
      timestamp: new Date().toISOString(),
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
