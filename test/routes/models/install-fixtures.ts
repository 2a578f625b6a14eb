import { env } from "cloudflare:workers";
import insuranceGbdtCalibrated from "../../../models/fraud/insurance_claims-gbdt-calibrated.onnx";
import insuranceRf from "../../../models/fraud/insurance_claims-rf.onnx";
import insuranceRfCalibrated from "../../../models/fraud/insurance_claims-rf-calibrated.onnx";
import vehicleGbdtCalibrated from "../../../models/fraud/vehicle_claims_fraud-gbdt-calibrated.onnx";
import reserve from "../../../models/reserve/insurance_claims-reserve.onnx";
import { installModel } from "../../../src/model-registry/registry";
import { trainingDataKey } from "../../../src/model-registry/training-data";
import { db } from "../../helpers";

/** Installs a few committed models into R2 and the registry, as the local setup does for all. */
export async function installCommittedModels(): Promise<void> {
  for (const bytes of [insuranceRfCalibrated, insuranceRf, insuranceGbdtCalibrated, vehicleGbdtCalibrated, reserve]) {
    await installModel(db(), env.MODELS, new Uint8Array(bytes));
  }
}

export async function storeTrainingData(dataset: string, rows: Record<string, string>[]): Promise<void> {
  const header = Object.keys(rows[0]!);
  const csv = [header.join(","), ...rows.map((row) => header.map((h) => row[h] ?? "").join(","))].join("\n");
  await env.MODELS.put(trainingDataKey(dataset), csv);
}
