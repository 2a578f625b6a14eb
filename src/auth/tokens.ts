import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ROLES, type Role } from "../db/schema";
import type { AppConfig } from "../env";
import { ApiError } from "../errors/api-error";
import type { CurrentUser } from "./current-user";

const ALGORITHM = "HS256";
/** Clock skew tolerated between the issuing and the verifying isolate. */
const CLOCK_TOLERANCE_SECONDS = 30;

const claimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().uuid(),
  iat: z.number(),
  email: z.string(),
  role: z.enum(ROLES),
  provider_id: z.string().nullable(),
  customer_id: z.string().nullable(),
});

/** What a verified access token asserts; the session check then compares it with the database. */
export interface VerifiedToken {
  userId: string;
  sessionId: string;
  role: Role;
}

const keyFor = (config: AppConfig) => new TextEncoder().encode(config.JWT_SECRET);

/** A short-lived access token for one session of the user. */
export async function issueAccessToken(
  user: Omit<CurrentUser, "sessionId"> & { sessionId: string },
  config: AppConfig,
): Promise<string> {
  return new SignJWT({
    sid: user.sessionId,
    email: user.email,
    role: user.role,
    provider_id: user.providerId,
    customer_id: user.customerId,
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${config.JWT_TTL_SECONDS}s`)
    .sign(keyFor(config));
}

/**
 * Verifies signature (HS256 only), expiry, issuer, audience, a session id, and an `iat` that is
 * neither in the future nor older than the access-token lifetime; anything else is a 401.
 */
export async function verifyAccessToken(token: string, config: AppConfig, now = new Date()): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, keyFor(config), {
      algorithms: [ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["exp", "iat", "sub", "sid"],
      maxTokenAge: config.JWT_TTL_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
    const claims = claimsSchema.parse(payload);
    if (claims.iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error("iat in the future");
    return { userId: claims.sub, sessionId: claims.sid, role: claims.role };
  } catch (err) {
    const message = err instanceof errors.JWTExpired ? "Token expired" : "Invalid token";
    throw new ApiError("UNAUTHORIZED", message);
  }
}
