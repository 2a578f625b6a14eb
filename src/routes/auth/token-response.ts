import { issueAccessToken } from "../../auth/tokens";
import type { users } from "../../db/schema";
import type { AppConfig } from "../../env";
import { toUserView } from "./schema";

/** The body of login and refresh: an access token for the session and its current refresh token. */
export async function tokenResponse(
  user: typeof users.$inferSelect,
  session: { sessionId: string; refreshToken: string },
  config: AppConfig,
) {
  return {
    access_token: await issueAccessToken({ ...user, sessionId: session.sessionId }, config),
    token_type: "Bearer" as const,
    expires_in: config.JWT_TTL_SECONDS,
    refresh_token: session.refreshToken,
    refresh_expires_in: config.SESSION_TTL_SECONDS,
    user: toUserView(user),
  };
}
