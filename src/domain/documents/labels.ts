// How claim documents label each field. Weights say how strongly a label implies the field
// ("Date of Loss" surely does, a bare "Date" barely does). A `null` field is a decoy: a
// label we recognise only so that a shorter label inside it ("Total" in "Total Loss",
// "Name" in "Name of Agent") does not fire.

export type ClaimFieldName =
  | "claimant_name"
  | "policy_number"
  | "incident_date"
  | "amount_claimed"
  | "description"
  | "incident_type"
  | "collision_type"
  | "incident_severity"
  | "authorities_contacted"
  | "police_report_available"
  | "number_of_vehicles_involved"
  | "bodily_injuries"
  | "witnesses"
  | "incident_state"
  | "incident_city"
  | "incident_hour_of_the_day"
  | "property_damage";

/** A label that feeds more than one field: "Location of Loss: Columbus, OH". */
export type LabelTarget = ClaimFieldName | "incident_location" | null;

export const FIELD_LABELS: Record<Exclude<LabelTarget, null>, Array<[string, number]>> = {
  claimant_name: [
    ["claimant name", 0.95], ["claimant's name", 0.95], ["name of claimant", 0.95], ["claimant", 0.9],
    ["claimant insured", 0.9], ["insured claimant", 0.9], ["insured name", 0.92], ["insured's name", 0.92],
    ["name of insured", 0.92], ["named insured", 0.9], ["policyholder name", 0.95], ["policy holder name", 0.95],
    ["policyholder", 0.9], ["policy holder", 0.9], ["insured", 0.8], ["insured person", 0.85],
    ["full name", 0.8], ["your name", 0.85], ["name", 0.7], ["applicant name", 0.85], ["applicant", 0.75],
    ["submitted by", 0.7], ["owner name", 0.7], ["name of policyholder", 0.95], ["member name", 0.8],
    ["customer", 0.7], ["customer name", 0.75], ["client", 0.65], ["client name", 0.7], ["registered owner", 0.7],
    ["vehicle owner", 0.7], ["owner", 0.7], ["from", 0.55], ["reported by", 0.65],
  ],
  policy_number: [
    ["policy number", 0.95], ["policy no", 0.95], ["policy num", 0.95], ["policy", 0.85], ["policy id", 0.95],
    ["policy ref", 0.9], ["policy reference", 0.9], ["pol no", 0.9], ["policy nbr", 0.95],
    ["certificate number", 0.8], ["contract number", 0.8], ["policy contract", 0.85], ["insurance policy", 0.85],
    ["insurance policy number", 0.95], ["member id", 0.7], ["policy code", 0.85],
  ],
  incident_date: [
    ["date of loss", 0.95], ["loss date", 0.95], ["date of incident", 0.95], ["incident date", 0.95],
    ["date of accident", 0.95], ["accident date", 0.95], ["date of the accident", 0.95],
    ["date of the incident", 0.95], ["date of the loss", 0.95], ["dol", 0.9], ["date of occurrence", 0.9],
    ["occurrence date", 0.9], ["date of event", 0.85], ["event date", 0.85], ["date of damage", 0.9],
    ["date and time of loss", 0.95], ["date time of loss", 0.95], ["date and time of incident", 0.95],
    ["date time of incident", 0.95], ["date and time of accident", 0.95], ["date time of accident", 0.95],
    ["date of collision", 0.95], ["collision date", 0.95], ["date of theft", 0.95],
    ["when did the loss occur", 0.85], ["when did the accident occur", 0.85], ["when did it happen", 0.8],
    ["date loss occurred", 0.9], ["date incident occurred", 0.9], ["date accident occurred", 0.9],
    ["incident date time", 0.95], ["loss date time", 0.95], ["accident date time", 0.95], ["date", 0.45],
    ["date of loss and time", 0.95], ["loss date and time", 0.95], ["date and time of the accident", 0.95],
    ["incident date and time", 0.95], ["accident date and time", 0.95],
  ],
  amount_claimed: [
    ["amount claimed", 0.95], ["claim amount", 0.95], ["claimed amount", 0.95], ["total claim amount", 0.97],
    ["total claim", 0.9], ["total amount claimed", 0.97], ["total claimed", 0.95], ["estimated loss", 0.9],
    ["estimate of loss", 0.9], ["estimated amount", 0.85], ["amount of loss", 0.9], ["loss amount", 0.9],
    ["total loss amount", 0.9], ["estimated damage", 0.85], ["estimated damages", 0.85],
    ["estimated repair cost", 0.85], ["repair estimate", 0.8], ["amount requested", 0.9],
    ["requested amount", 0.9], ["sum claimed", 0.9], ["total amount", 0.8], ["amount", 0.7], ["total", 0.65],
    ["estimated cost", 0.8], ["claim total", 0.9], ["grand total", 0.8], ["total estimate", 0.85],
    ["amount of claim", 0.95], ["total amount of claim", 0.95], ["estimated total loss", 0.9],
    ["total claim value", 0.95], ["claim value", 0.9], ["amount being claimed", 0.95],
    ["estimate amount", 0.85], ["amount of estimate", 0.85], ["estimate total", 0.85], ["claim amt", 0.95],
    ["total claim amt", 0.95], ["amt claimed", 0.95], ["total due", 0.7], ["amount due", 0.7], ["invoice total", 0.75],
  ],
  description: [
    ["description of loss", 0.95], ["loss description", 0.95], ["description of incident", 0.95],
    ["incident description", 0.95], ["description of accident", 0.95], ["accident description", 0.95],
    ["description of the incident", 0.95], ["description of the accident", 0.95], ["description of the loss", 0.95],
    ["description of damage", 0.85], ["damage description", 0.85], ["description", 0.85],
    ["describe the incident", 0.9], ["describe the loss", 0.9], ["describe what happened", 0.9],
    ["what happened", 0.9], ["details of loss", 0.9], ["details of incident", 0.9], ["incident details", 0.9],
    ["loss details", 0.9], ["circumstances", 0.85], ["circumstances of loss", 0.9],
    ["how did the loss occur", 0.9], ["how did the accident happen", 0.9], ["how the accident occurred", 0.9],
    ["narrative", 0.85], ["remarks", 0.6], ["details", 0.7], ["brief description", 0.9],
    ["accident details", 0.9], ["facts of loss", 0.9],
  ],
  incident_type: [
    ["incident type", 0.95], ["type of incident", 0.95], ["type of loss", 0.9], ["loss type", 0.9],
    ["nature of loss", 0.85], ["claim type", 0.8], ["type of claim", 0.8], ["cause of loss", 0.8],
    ["accident type", 0.9], ["type of accident", 0.9], ["peril", 0.7], ["loss category", 0.85],
  ],
  collision_type: [
    ["collision type", 0.95], ["type of collision", 0.95], ["point of impact", 0.85], ["impact point", 0.85],
    ["area of impact", 0.8], ["direction of impact", 0.85], ["impact", 0.7], ["impact type", 0.9],
  ],
  incident_severity: [
    ["incident severity", 0.95], ["severity", 0.9], ["severity of damage", 0.95], ["damage severity", 0.95],
    ["extent of damage", 0.85], ["damage extent", 0.85], ["damage level", 0.85], ["level of damage", 0.85],
    ["severity of loss", 0.9], ["loss severity", 0.9],
  ],
  authorities_contacted: [
    ["authorities contacted", 0.95], ["authority contacted", 0.95], ["authorities notified", 0.95],
    ["authorities", 0.85], ["reported to", 0.8], ["agency contacted", 0.85], ["emergency services", 0.8],
    ["responding agency", 0.85], ["agencies notified", 0.9], ["agencies contacted", 0.9],
    ["who was contacted", 0.8], ["authorities called", 0.95], ["emergency services contacted", 0.9],
  ],
  police_report_available: [
    ["police report available", 0.95], ["police report filed", 0.95], ["police report", 0.9],
    ["police report number", 0.9], ["police report no", 0.9], ["police reference", 0.85],
    ["police case number", 0.9], ["police report attached", 0.95], ["was a police report filed", 0.95],
    ["police report made", 0.95],
  ],
  number_of_vehicles_involved: [
    ["number of vehicles involved", 0.95], ["number of vehicles", 0.95], ["vehicles involved", 0.95],
    ["no of vehicles", 0.95], ["no of vehicles involved", 0.95], ["vehicles", 0.6],
    ["number of cars involved", 0.9], ["cars involved", 0.9], ["vehicle count", 0.9],
  ],
  bodily_injuries: [
    ["bodily injuries", 0.95], ["bodily injury", 0.9], ["number of injuries", 0.9], ["injuries", 0.85],
    ["persons injured", 0.9], ["number injured", 0.9], ["no of injured", 0.9], ["injured persons", 0.9],
    ["number of injured", 0.9], ["number of persons injured", 0.95], ["people injured", 0.9], ["injured", 0.7],
  ],
  witnesses: [
    ["witnesses", 0.95], ["number of witnesses", 0.95], ["no of witnesses", 0.95], ["witness count", 0.95],
    ["witness", 0.8], ["witnesses present", 0.9],
  ],
  incident_state: [
    ["incident state", 0.95], ["state of loss", 0.9], ["loss state", 0.9], ["state of incident", 0.9],
    ["accident state", 0.9], ["state of accident", 0.9], ["state", 0.55],
  ],
  incident_city: [
    ["incident city", 0.95], ["city of loss", 0.9], ["loss city", 0.9], ["city of incident", 0.9],
    ["accident city", 0.9], ["city of accident", 0.9], ["city", 0.55],
  ],
  incident_location: [
    ["incident location", 0.9], ["location of loss", 0.9], ["loss location", 0.9], ["location of incident", 0.9],
    ["location of accident", 0.9], ["accident location", 0.9], ["place of loss", 0.9], ["place of accident", 0.9],
    ["place of incident", 0.9], ["where did the loss occur", 0.85], ["where did the accident occur", 0.85],
    ["location", 0.75], ["loss address", 0.85], ["address of loss", 0.85], ["city state", 0.8],
  ],
  incident_hour_of_the_day: [
    ["time of loss", 0.95], ["time of incident", 0.95], ["time of accident", 0.95], ["incident time", 0.95],
    ["loss time", 0.95], ["accident time", 0.95], ["incident hour", 0.95], ["hour of the day", 0.9],
    ["incident hour of the day", 0.95], ["time", 0.75], ["approximate time", 0.9], ["time of day", 0.9],
    ["time of collision", 0.95], ["hour", 0.75],
  ],
  property_damage: [
    ["property damage", 0.95], ["third party property damage", 0.95], ["other property damaged", 0.9],
    ["damage to other property", 0.9], ["property damaged", 0.9], ["damage to property", 0.9],
    ["other property damage", 0.95], ["third party property", 0.9],
  ],
};

export const DECOY_LABELS = [
  "total loss", "date of birth", "dob", "birth date", "date of report", "date reported", "report date",
  "claim date", "date of claim", "date signed", "signature date", "date of signature", "today's date",
  "claim number", "claim no", "claim id", "claim reference", "claim ref", "phone", "telephone", "email",
  "address", "vin", "license plate", "drivers license", "driver's license", "vehicle make", "make",
  "model", "year", "vehicle year", "deductible", "premium", "annual premium", "policy period", "effective date",
  "expiration date", "expiry date", "policy effective", "policy expiration", "policy type", "coverage",
  "coverage limit", "agent", "adjuster", "name of agent", "agent name", "adjuster name", "name of adjuster",
  "witness name", "witness names", "witness statement", "signature", "occupation", "employer", "zip",
  "zip code", "postal code", "amount paid", "balance due", "prior claims", "date of service", "dates of service",
  "policy start date", "policy bind date", "bind date", "insurer", "insurance company", "carrier",
  "state of registration", "registration", "policy state", "insured address", "insured phone", "mailing address",
  "injury claim", "property claim", "vehicle claim", "subtotal", "sub total", "tax", "sales tax", "labor", "parts", "claimant signature", "insured signature",
  "signature of claimant", "signature of insured", "policyholder signature", "name of witness", "other driver",
  "other party", "name of other driver", "other driver name", "third party name",
];

/**
 * Dates that are not the loss but bound it: the report, the policy period, a birth date.
 * Recognised as decoys, and read, so that a date of loss can be checked against them.
 */
export type ContextDate = "report_date" | "policy_effective" | "policy_expiration" | "birth_date";
/** Amounts that stand around the claimed one: the parts of a total, and the deductible. */
export type ContextAmount = "subtotal" | "tax" | "deductible";
export type ContextFact = ContextDate | ContextAmount;

export const CONTEXT_AMOUNT_LABELS: Record<ContextAmount, string[]> = {
  subtotal: ["subtotal", "sub total", "sub-total", "net amount", "parts and labor"],
  tax: ["tax", "sales tax", "vat", "gst", "tax amount"],
  deductible: ["deductible", "less deductible", "customer deductible", "deductible amount", "excess"],
};

export const CONTEXT_DATE_LABELS: Record<ContextDate, string[]> = {
  report_date: ["date of report", "date reported", "report date", "date of notice", "notice date", "form date", "date mm dd yyyy", "estimate date", "date of estimate"],
  policy_effective: ["effective date", "policy effective", "policy effective date", "policy start date", "policy start", "start date", "policy bind date", "bind date", "policy period from", "period from"],
  policy_expiration: ["expiration date", "expiry date", "policy expiration", "policy expiration date", "policy expires", "policy end date", "end date", "policy period to", "period to"],
  birth_date: ["date of birth", "dob", "birth date", "born"],
};

export interface LabelEntry {
  squashed: string;
  field: LabelTarget;
  weight: number;
  /** A decoy label whose value bounds the date of loss or adds up to the claimed amount. */
  context?: ContextFact;
}

function squashLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z]/g, "").replace(/rn/g, "m");
}

/** Every label, longest first, so that the most specific one wins. */
export const LABELS: LabelEntry[] = ([
  ...Object.entries(FIELD_LABELS).flatMap(([field, labels]) =>
    labels.map(([label, weight]) => ({ squashed: squashLabel(label), field: field as LabelTarget, weight })),
  ),
  ...DECOY_LABELS.map((label) => ({ squashed: squashLabel(label), field: null, weight: 0 })),
  ...Object.entries({ ...CONTEXT_DATE_LABELS, ...CONTEXT_AMOUNT_LABELS }).flatMap(([context, labels]) =>
    labels.map((label) => ({ squashed: squashLabel(label), field: null, weight: 0, context: context as ContextFact })),
  ),
] as LabelEntry[]).sort((a, b) => b.squashed.length - a.squashed.length || (a.context ? -1 : 1));
