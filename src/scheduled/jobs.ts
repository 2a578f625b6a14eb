import { recoverDocumentClaims } from "../claims/documents/recovery";
import type { Env } from "../env";
import { runScheduledMaintenance } from "../events/scheduled";
import { recoverStalledFnolClaims } from "../fnol/recover-stalled-claims";

/** A small job the Cron Trigger runs; `cron` is one of wrangler.toml's `[triggers] crons`. */
export interface ScheduledJob {
  name: string;
  cron: string;
  run(env: Env, at: Date): Promise<unknown>;
}

/** Every scheduled job; several may share a cron. */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: "first-notice-of-loss-maintenance",
    cron: "* * * * *",
    run: (env, at) => runScheduledMaintenance(env, at),
  },
  {
    name: "recover-document-claims",
    cron: "* * * * *",
    run: (env, at) => recoverDocumentClaims(env, at),
  },
  {
    name: "recover-fnol-claims",
    cron: "* * * * *",
    run: (env, at) => recoverStalledFnolClaims(env, at),
  },
];
