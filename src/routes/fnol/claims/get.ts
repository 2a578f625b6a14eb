import { isStaff } from "../../../auth/current-user";
import { claimEtag } from "../../../domain/claims/claim-version";
import { ApiError } from "../../../errors/api-error";
import { findFnolClaim, findRentalBooking, settlementAdjusters, settlementVersions } from "../../../fnol/claim-records";
import { toFnolClaimView } from "../../../fnol/claim-view";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { claimIdParams, fnolClaimViewSchema } from "./schema";

export const getFnolClaimRoute = protectedRoute({
  method: "get",
  path: "/fnol/claims/{id}",
  tags: ["first notice of loss"],
  summary: "A first notice of loss: its stage, the damage assessment, the settlement's versions and the rental car",
  description:
    "Staff read everything; the claim's customer reads it without the fraud check (a claim held for fraud is " +
    "UNDER_REVIEW), the severity model's probabilities, or who overrode the settlement and why. `ETag` is the " +
    "claim's version, for If-Match on the settlement override.",
  roles: ["customer", "insurer", "admin"],
  request: { params: claimIdParams },
  responses: { 200: jsonResponse(fnolClaimViewSchema, "The claim") },
  errors: { 404: "No such claim, or not the caller's own" },
});

export const registerGetFnolClaim = (app: Api) =>
  app.openapi(getFnolClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    const db = c.get("db");
    const found = await findFnolClaim(db, id);
    if (!found || (!isStaff(user) && found.fnol.customerId !== user.customerId)) {
      throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    }
    const [settlements, rental] = await Promise.all([settlementVersions(db, id), findRentalBooking(db, id)]);
    const staff = isStaff(user);
    const adjusters = staff ? await settlementAdjusters(db, settlements) : undefined;
    c.header("etag", claimEtag(found.claim.version));
    return c.json(toFnolClaimView(found.claim, found.fnol, settlements, rental, { staff, adjusters }), 200);
  });
