import { accepted, type Checked, type InputProblem, refused } from "./input-problem";

/** The classes of the damage-severity image classifier. */
export const DAMAGE_SEVERITIES = ["minor", "moderate", "severe"] as const;
export type DamageSeverity = (typeof DAMAGE_SEVERITIES)[number];

/** The classifier's probability for each class. */
export type SeverityProbabilities = Readonly<Record<DamageSeverity, number>>;

/** How far the probabilities may sum from 1 (float32 softmax rounding) before they are refused. */
export const PROBABILITY_SUM_TOLERANCE = 0.01;

/** The probabilities checked and rescaled to sum to exactly 1. */
export function checkSeverityProbabilities(probabilities: SeverityProbabilities): Checked<SeverityProbabilities> {
  const problems: InputProblem[] = [];
  for (const severity of DAMAGE_SEVERITIES) {
    const p = probabilities?.[severity];
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0 || p > 1) {
      problems.push({
        path: `severity.${severity}`,
        code: "INVALID_PROBABILITY",
        message: `severity.${severity} must be a probability from 0 to 1`,
      });
    }
  }
  if (problems.length > 0) return refused(problems);
  const sum = DAMAGE_SEVERITIES.reduce((total, severity) => total + probabilities[severity], 0);
  if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
    return refused([
      {
        path: "severity",
        code: "PROBABILITIES_DO_NOT_SUM_TO_ONE",
        message: `the severity probabilities sum to ${sum.toFixed(4)}, not 1`,
      },
    ]);
  }
  return accepted({
    minor: probabilities.minor / sum,
    moderate: probabilities.moderate / sum,
    severe: probabilities.severe / sum,
  });
}

/** The most probable class; on a tie the more severe one, so a doubt never lowers the estimate. */
export function mostLikelySeverity(probabilities: SeverityProbabilities): {
  severity: DamageSeverity;
  probability: number;
} {
  let severity: DamageSeverity = "minor";
  for (const candidate of DAMAGE_SEVERITIES)
    if (probabilities[candidate] >= probabilities[severity]) severity = candidate;
  return { severity, probability: probabilities[severity] };
}
