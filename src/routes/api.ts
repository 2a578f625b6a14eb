import { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../env";
import { handleValidationHook } from "../errors/handlers";

/** The app every route file registers itself on. */
export type Api = OpenAPIHono<HonoEnv>;

export const newApi = (): Api => new OpenAPIHono<HonoEnv>({ defaultHook: handleValidationHook });
