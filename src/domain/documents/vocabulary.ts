// The value vocabulary of the insurance_claims data set (the fraud model's training
// columns), and the wordings that documents use for each value.
import type { Parsed } from "./values";

export const INCIDENT_TYPES = [
  "Single Vehicle Collision",
  "Multi-vehicle Collision",
  "Vehicle Theft",
  "Parked Car",
] as const;
export const COLLISION_TYPES = ["Front Collision", "Side Collision", "Rear Collision"] as const;
export const INCIDENT_SEVERITIES = ["Trivial Damage", "Minor Damage", "Major Damage", "Total Loss"] as const;
export const AUTHORITIES = ["Police", "Fire", "Ambulance", "Other", "None"] as const;

export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type CollisionType = (typeof COLLISION_TYPES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type Authority = (typeof AUTHORITIES)[number];

type Rule<T> = [RegExp, T, number];

function firstRule<T>(text: string, rules: Rule<T>[]): Parsed<T> | undefined {
  for (const [re, value, certainty] of rules) if (re.test(text)) return { value, certainty };
  return undefined;
}

const INCIDENT_TYPE_RULES: Rule<IncidentType>[] = [
  [
    /\b(?:vehicle\s+)?theft\b|\bstolen\b|\bstole\b|\bcar[-\s]?jack|\b(?:it|car|vehicle|truck)\s+(?:was|had)\s+(?:gone|missing|taken)\b|\bnot\s+(?:yet\s+|been\s+)*recovered\b/i,
    "Vehicle Theft",
    1,
  ],
  [/\bparked\b/i, "Parked Car", 1],
  [
    /\bmulti(?:ple)?[-\s]?(?:vehicle|car)|\b(?:two|three|four|2|3|4)[-\s](?:car|vehicle)\b|\bchain[-\s]reaction|\bpile[-\s]?up/i,
    "Multi-vehicle Collision",
    1,
  ],
  [/\bsingle[-\s]?(?:vehicle|car)|\bone[-\s](?:car|vehicle)\b|\bsolo\b/i, "Single Vehicle Collision", 1],
  [/\b(?:auto|vehicle|car|motor)\s+(?:accident|collision)|\bcollision\b/i, "Multi-vehicle Collision", 0.5],
];

/** Maps a labelled incident-type value ("Theft", "Multi-car collision") to the data set's value. */
export function mapIncidentType(text: string): Parsed<IncidentType> | undefined {
  return firstRule(text, INCIDENT_TYPE_RULES);
}

const COLLISION_RULES: Rule<CollisionType>[] = [
  [/\brear(?:[-\s]?end(?:ed)?)?\b|\bfrom behind\b|\bback\s+(?:end|of)\b|\brear[-\s]ended\b/i, "Rear Collision", 1],
  [
    /\bside\b|\bt[-\s]?bon(?:e|ed|ing)\b|\bbroadside|\bsideswip|\bdriver'?s?[-\s]side|\bpassenger[-\s]side/i,
    "Side Collision",
    1,
  ],
  [/\bfront(?:al)?\b|\bhead[-\s]?on\b/i, "Front Collision", 1],
];

export function mapCollisionType(text: string): Parsed<CollisionType> | undefined {
  return firstRule(text, COLLISION_RULES);
}

const SEVERITY_RULES: Rule<IncidentSeverity>[] = [
  [
    /\btotal(?:led|ed)?\s*loss\b|\btotall?ed\b|\bwrite[-\s]?off\b|\bwritten[-\s]off\b|\bbeyond (?:economic )?repair\b|\bdestroyed\b/i,
    "Total Loss",
    1,
  ],
  [/\btrivial\b|\bcosmetic\b|\bsuperficial\b|\bscratch(?:es)?\b|\bnegligible\b/i, "Trivial Damage", 1],
  [/\bmajor\b|\bsevere\b|\bextensive\b|\bsignificant\b|\bheavy\b|\bserious\b|\bsubstantial\b/i, "Major Damage", 1],
  [/\bminor\b|\bslight\b|\blight\b|\bsmall\b|\bmoderate\b/i, "Minor Damage", 0.9],
];

export function mapSeverity(text: string): Parsed<IncidentSeverity> | undefined {
  return firstRule(text, SEVERITY_RULES);
}

const AUTHORITY_RULES: Rule<Authority>[] = [
  [/^\s*(?:none|no(?:ne)?\b|n\/a|nobody|not\s+(?:contacted|notified|called))/i, "None", 1],
  [/\bpolice\b|\bsheriff\b|\bhighway patrol\b|\blaw enforcement\b|\bcops?\b|\bstate trooper/i, "Police", 1],
  [/\bfire\b|\bfire\s?(?:department|brigade|service|fighters?)\b/i, "Fire", 1],
  [/\bambulance\b|\bparamedics?\b|\bems\b|\bemergency medical\b/i, "Ambulance", 1],
  [/\bother\b|\btow(?:ing)?\b|\bsecurity\b|\bauthorit/i, "Other", 0.8],
];

export function mapAuthorities(text: string): Parsed<Authority> | undefined {
  return firstRule(text, AUTHORITY_RULES);
}
