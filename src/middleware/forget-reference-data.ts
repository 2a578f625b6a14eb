import { createMiddleware } from "hono/factory";
import { forgetReferenceData } from "../claims/health/reference-cache";
import type { HonoEnv } from "../env";

/** On routes that change providers, codes or rules: this isolate's health claims see the change at once. */
export const forgetsReferenceData = createMiddleware<HonoEnv>(async (_c, next) => {
  await next();
  forgetReferenceData();
});
