/** ICD-10-CM and HCPCS/CPT codes compare without dots, spaces or case: "s52.501a" → "S52501A". */
export const normalizeCode = (code: string): string => code.replace(/[\s.]/g, "").toUpperCase();

/** A rule pattern is an exact code or a prefix ending in `*` ("S52*"); "*" alone matches every code. */
export function codeMatches(pattern: string, code: string): boolean {
  return pattern.endsWith("*") ? code.startsWith(pattern.slice(0, -1)) : pattern === code;
}

export interface ProcedureRule {
  diagnosisPattern: string;
  procedurePattern: string;
}

/**
 * A diagnosis that some rule names is restricted to the procedures its rules allow; a
 * diagnosis that no rule names is unrestricted (the code sets carry no clinical crosswalk).
 */
export function isProcedureAllowed(diagnosis: string, procedure: string, rules: ProcedureRule[]): boolean {
  const governing = rules.filter((rule) => codeMatches(rule.diagnosisPattern, diagnosis));
  return governing.length === 0 || governing.some((rule) => codeMatches(rule.procedurePattern, procedure));
}
