import { z } from "@hono/zod-openapi";

/** `{id}` of /claims/{id}/…: the server's claim id (or, for a photo claim, the client's). */
export const claimIdParams = z.object({ id: z.string().min(1).max(128) });
