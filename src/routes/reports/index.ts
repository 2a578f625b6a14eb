import type { Api } from "../api";
import { registerGetClaimsReport } from "./claims/get";
import { registerGetFraudTrends } from "./fraud-trends/get";

export function registerReportRoutes(app: Api): void {
  registerGetClaimsReport(app);
  registerGetFraudTrends(app);
}
