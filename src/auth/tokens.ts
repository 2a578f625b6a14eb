import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ROLES } from "../db/schema";
import type { AppConfig } from "../env";
import { ApiError } from "../errors/api-error";
import type { CurrentUser } from "./current-user";

const ALGORITHM = "HS256";

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string(),
  role: z.enum(ROLES),
  provider_id: z.string().nullable(),
  customer_id: z.string().nullable(),
});

const keyFor = (config: AppConfig) => new TextEncoder().encode(config.JWT_SECRET);

export async function issueAccessToken(user: CurrentUser, config: AppConfig): Promise<string> {
  return new SignJWT({
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

/** Verifies signature (HS256 only), expiry, issuer and audience; anything else is a 401. */
export async function verifyAccessToken(token: string, config: AppConfig): Promise<CurrentUser> {
  try {
    const { payload } = await jwtVerify(token, keyFor(config), {
      algorithms: [ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["exp", "iat", "sub"],
    });
    const claims = claimsSchema.parse(payload);
    return {
      id: claims.sub,
      email: claims.email,
      role: claims.role,
      providerId: claims.provider_id,
      customerId: claims.customer_id,
    };
  } catch (err) {
    const message = err instanceof errors.JWTExpired ? "Token expired" : "Invalid token";
    throw new ApiError("UNAUTHORIZED", message);
  }
}
