/**
 * Cross-validated comparison of fraud hyperparameters (how DEFAULT_HYPERPARAMETERS were chosen):
 *   tsx scripts/lib/tune-fraud.ts insurance_claims '[{"gbdt": {"maxDepth": 2}}, {"rf": {"maxFeatures": 0.8}}]'
 * Each JSON entry overrides the defaults; the test split is never touched (4 folds over train+validation).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { csvObjects as parseCsv } from "../../src/csv";
import {
  crossValidateFraud,
  DEFAULT_HYPERPARAMETERS,
  type FraudDataset,
  type Hyperparameters,
} from "../../src/domain/fraud/train";

const dataset = process.argv[2] as FraudDataset;
const files: Record<FraudDataset, string> = {
  insurance_claims: "../shared/data/insurance_claims/insurance_claims.csv",
  vehicle_claims_fraud: "../shared/data/vehicle_claims_fraud/carclaims.csv",
};
if (!files[dataset]) throw new Error(`usage: tune-fraud.ts <${Object.keys(files).join("|")}> '<json overrides>'`);
const overrides = JSON.parse(process.argv[3] ?? "[{}]") as Partial<{
  [K in keyof Hyperparameters]: Partial<Hyperparameters[K]>;
}>[];
const raws = parseCsv(readFileSync(resolve(files[dataset]), "utf8"));
const base = DEFAULT_HYPERPARAMETERS[dataset];
for (const o of overrides) {
  const hyper = {
    rf: { ...base.rf, ...o.rf },
    et: { ...base.et, ...o.et },
    gbdt: { ...base.gbdt, ...o.gbdt },
  } as Hyperparameters;
  const cv = crossValidateFraud(dataset, raws, { hyperparameters: hyper });
  console.log(
    (["rf", "et", "gbdt", "voting"] as const).map((k) => `${k} ${cv.roc_auc[k].mean.toFixed(4)}`).join("  "),
    JSON.stringify(o),
  );
}
