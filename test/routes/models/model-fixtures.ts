import { getTrainingJobRoute } from "../../../src/routes/models/jobs/get";
import { api, readAs, type TestUser } from "../../helpers";

/** Follows a retraining job until it has finished. */
export async function waitForJob(id: string, admin: TestUser, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await readAs(await api(`/api/v1/models/jobs/${id}`, { token: admin.token }), getTrainingJobRoute, 200);
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${id} did not finish`);
}
