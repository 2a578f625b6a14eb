import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";

/** What a JSON body may weigh; routes that take files declare their own limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Refuses a body larger than `maxBytes` with 413 PAYLOAD_TOO_LARGE before anything reads it. */
export const limitBody = (maxBytes: number): MiddlewareHandler<HonoEnv> =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError("PAYLOAD_TOO_LARGE", `Request body exceeds ${maxBytes} bytes`);
    },
  });
