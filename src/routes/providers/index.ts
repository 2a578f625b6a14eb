import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateProvider } from "./post";
import { registerGetProvider } from "./get";
import { registerListProviders } from "./list";
import { registerUpdateProvider } from "./patch";

export function registerProviderRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerCreateProvider(app);
  registerListProviders(app);
  registerGetProvider(app);
  registerUpdateProvider(app);
}
