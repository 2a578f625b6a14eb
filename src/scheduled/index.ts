import type { Env } from "../env";
import { SCHEDULED_JOBS, type ScheduledJob } from "./jobs";

/**
 * The Worker's `scheduled` entry point: runs every job of the cron that fired, side by side; one
 * job's failure does not stop the others, and is rethrown after them so the platform records it.
 */
export async function handleScheduled(
  controller: Pick<ScheduledController, "cron" | "scheduledTime">,
  env: Env,
  jobs: readonly ScheduledJob[] = SCHEDULED_JOBS,
): Promise<void> {
  const due = jobs.filter((job) => job.cron === controller.cron);
  if (due.length === 0) {
    console.error(JSON.stringify({ level: "error", message: "no job for this cron", cron: controller.cron }));
    return;
  }
  const at = new Date(controller.scheduledTime);
  const settled = await Promise.allSettled(due.map((job) => job.run(env, at)));
  const failures: unknown[] = [];
  settled.forEach((result, i) => {
    const job = due[i]!.name;
    if (result.status === "fulfilled")
      console.log(JSON.stringify({ level: "info", message: "scheduled job done", job, result: result.value }));
    else {
      console.error(
        JSON.stringify({ level: "error", message: "scheduled job failed", job, error: String(result.reason) }),
      );
      failures.push(result.reason);
    }
  });
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} scheduled job(s) failed`);
}
