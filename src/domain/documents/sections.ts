// Whose section a line belongs to. Claim forms repeat the same captions (name, policy
// number, estimate amount) for the insured and for the other party, the injured and the
// witnesses; a section heading says whose they are, until the next heading.

/** The insured's own sections, the other party's, the injured's, the witnesses', the agent's. */
export type SectionRole = "own" | "other-party" | "injured" | "witness" | "agent";

const HEADINGS: Array<[RegExp, SectionRole]> = [
  [
    /^(?:the\s+)?(?:other|third)[\s-]*(?:part(?:y|ies)|vehicles?|drivers?|cars?|owners?|insur(?:ed|er|ance))\b/i,
    "other-party",
  ],
  [/^(?:vehicle|driver)\s*(?:2|#\s*2|two|b)\b/i, "other-party"],
  [/^(?:adverse|opposing|claimant'?s?)\s+(?:party|vehicle|driver)\b/i, "other-party"],
  [/^witness(?:es)?\b/i, "witness"],
  [/^(?:injured|injuries|injured\s+(?:persons?|part(?:y|ies)|people))\b/i, "injured"],
  [/^(?:passengers?)\b/i, "injured"],
  [/^(?:agency|agent|producer|broker)(?:\s+(?:information|details))?$/i, "agent"],
  [
    /^(?:insured|policy\s*holder|policyholder|your|you|claimant|applicant|about\s+you|policy|cover|coverage|loss|incident|accident|about\s+the|details\s+of|what\s+happened|vehicle|insured\s+vehicle|part\s+[a-z]\b|section\s+\d|\d+\.\s+(?:about|what|your|the))/i,
    "own",
  ],
];

/** The role a heading line starts, or undefined when the line is not a section heading. */
export function sectionHeading(line: string): SectionRole | undefined {
  // Numbering ("2.", "(b)"), a speck OCR read as a quote or a bar, and a box's side read as
  // an "I" ("I Third party") before the heading go.
  const text = line
    .replace(/\s{2,}.*$/, "")
    .replace(/^[\s\d.)(:#'"‘’“”|,~*•-]*(?=[A-Za-z])/, "")
    .replace(/^[Il]\s+(?=[A-Z])/, "")
    .trim();
  if (!text || text.length > 48 || /\d{3,}|[$€£]|:\s*\S/.test(line)) return undefined;
  if (text.split(/\s+/).length > 6) return undefined;
  // A sentence's wrapped tail ("passenger side.") is prose, not a heading.
  if (/^[a-z]/.test(text) || /[a-z][.,;]$/.test(text)) return undefined;
  for (const [re, role] of HEADINGS) if (re.test(text)) return role;
  return undefined;
}

/** Fields that belong to the insured only: read from their own sections, never another's. */
export const OWN_FIELDS = new Set(["claimant_name", "policy_number", "amount_claimed", "incident_date"]);
