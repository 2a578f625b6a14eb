/** The damage severity model's classes, in its output order (models/severity/severity-classifier.json). */
export const DAMAGE_SEVERITIES = ["minor", "moderate", "severe"] as const;
export type DamageSeverity = (typeof DAMAGE_SEVERITIES)[number];
