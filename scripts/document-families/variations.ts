// How documents vary: label wordings, date and amount formats, name order, fonts and scan
// degradations. The development split draws from one pool and the held-out split from
// another (other wordings, formats, fonts and degradations), so accuracy on the held-out
// split measures what the extractor does on documents nobody tuned it on.

import type { Person } from "./facts";
import type { Random } from "./random";

export type Split = "dev" | "heldout";

export interface LabelPool {
  claimant: string[];
  policy: string[];
  lossDate: string[];
  amount: string[];
  reportDate: string[];
  effective: string[];
  expiration: string[];
  birth: string[];
  deductible: string[];
  phone: string[];
}

const LABELS: Record<Split, LabelPool> = {
  dev: {
    claimant: [
      "Name of Insured",
      "Insured Name",
      "Policyholder Name",
      "Claimant Name",
      "Name of Claimant",
      "Insured's Name",
    ],
    policy: ["Policy Number", "Policy No.", "Policy #", "Policy Num"],
    lossDate: ["Date of Loss", "Loss Date", "Date of Accident", "Incident Date"],
    amount: ["Estimated Loss", "Amount Claimed", "Claim Amount", "Estimate Amount"],
    reportDate: ["Date Reported", "Report Date", "Date of Report"],
    effective: ["Effective Date", "Policy Effective"],
    expiration: ["Expiration Date", "Policy Expiration"],
    birth: ["Date of Birth", "DOB"],
    deductible: ["Deductible"],
    phone: ["Phone", "Telephone"],
  },
  heldout: {
    claimant: [
      "Full name of policyholder",
      "Policy Holder",
      "Insured / Claimant",
      "Claimant's Full Name",
      "Name of Policyholder",
      "Insured Person",
    ],
    policy: ["Policy Ref.", "Insurance Policy No.", "Policy ID", "Contract Number", "Pol. No."],
    lossDate: ["Date of Incident", "Accident Date", "Date Loss Occurred", "When did the loss occur?", "DOL"],
    amount: ["Total Claimed", "Estimated Damage", "Amount of Loss", "Estimated Repair Cost", "Claim Value"],
    reportDate: ["Date Notified", "Reported On", "Date of this Report"],
    effective: ["Cover Start", "Inception Date", "Policy Period From"],
    expiration: ["Cover End", "Renewal Date", "Policy Period To"],
    birth: ["Birth Date", "Date of Birth (mm/dd/yyyy)"],
    deductible: ["Excess / Deductible", "Deductible Amount"],
    phone: ["Mobile", "Contact Number", "Home Phone"],
  },
};

export const labelPool = (split: Split) => LABELS[split];

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const pad = (n: number) => String(n).padStart(2, "0");
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

export type DateStyle = (d: Date) => string;

const DATE_STYLES: Record<Split, DateStyle[]> = {
  dev: [
    (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`,
    (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    (d) => d.toISOString().slice(0, 10),
    (d) => `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`,
  ],
  heldout: [
    (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`,
    (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
    (d) => `${MONTHS[d.getUTCMonth()]!.slice(0, 3)}. ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    (d) => `${MONTHS[d.getUTCMonth()]} ${ordinal(d.getUTCDate())}, ${d.getUTCFullYear()}`,
    (d) => `${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]!.slice(0, 3).toUpperCase()}-${d.getUTCFullYear()}`,
  ],
};

/** One date style for the whole document (documents are consistent). */
export const dateStyle = (rng: Random, split: Split): DateStyle => rng.pick(DATE_STYLES[split]);

/** Dates in prose ("on March 3rd, 2025"). */
export const proseDateStyle = (rng: Random, split: Split): DateStyle =>
  split === "dev"
    ? rng.pick<DateStyle>([
        (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
        (d) => `${MONTHS[d.getUTCMonth()]} ${ordinal(d.getUTCDate())}, ${d.getUTCFullYear()}`,
        DATE_STYLES.dev[0]!,
      ])
    : rng.pick<DateStyle>([
        (d) => `the ${ordinal(d.getUTCDate())} of ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()}`,
        (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
        DATE_STYLES.heldout[2]!,
      ]);

export type AmountStyle = (n: number) => string;

const grouped = (n: number, cents: boolean) =>
  n.toLocaleString("en-US", { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 });

const AMOUNT_STYLES: Record<Split, AmountStyle[]> = {
  dev: [
    (n) => `$${grouped(n, true)}`,
    (n) => `$${n.toFixed(2)}`,
    (n) => grouped(n, true),
    (n) => `USD ${grouped(n, true)}`,
  ],
  heldout: [
    (n) => `$ ${grouped(n, Math.round(n) !== n)}`,
    (n) => `${grouped(n, true)} USD`,
    (n) => `US$ ${grouped(n, true)}`,
    (n) => `$${grouped(n, true)}`,
  ],
};

export const amountStyle = (rng: Random, split: Split): AmountStyle => rng.pick(AMOUNT_STYLES[split]);

export type NameStyle = (p: Person) => string;

const NAME_STYLES: Record<Split, NameStyle[]> = {
  dev: [
    (p) => [p.first, p.middle, p.last].filter(Boolean).join(" "),
    (p) => [p.first, p.middle, p.last].filter(Boolean).join(" ").toUpperCase(),
    (p) => `${p.last}, ${[p.first, p.middle].filter(Boolean).join(" ")}`,
  ],
  heldout: [
    (p) => [p.first, p.middle, p.last].filter(Boolean).join(" "),
    (p) => `${p.last.toUpperCase()}, ${[p.first, p.middle].filter(Boolean).join(" ").toUpperCase()}`,
    (p) => [p.first, p.middle, p.last].filter(Boolean).join(" "),
  ],
};

export const nameStyle = (rng: Random, split: Split): NameStyle => rng.pick(NAME_STYLES[split]);

/** Fonts: the standard PDF fonts and system fonts for development; other families held out. */
export const FONT_FILES: Record<Split, Array<{ regular: string; bold: string } | "Helvetica" | "Times" | "Courier">> = {
  dev: [
    "Helvetica",
    "Times",
    "Courier",
    {
      regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    },
  ],
  heldout: [
    {
      regular: "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
      bold: "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
    },
    {
      regular: "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
      bold: "/usr/share/fonts/opentype/urw-base35/URWBookman-Demi.otf",
    },
    {
      regular: "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
      bold: "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
    },
    {
      regular: "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
      bold: "/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf",
    },
  ],
};

/** A photocopy: resolution, skew, blur, JPEG quality, paper tone, noise. */
export interface Degradation {
  dpi: number;
  skewDegrees: number;
  blur: number;
  jpegQuality: number;
  paper: number;
  noise: number;
  /** Thresholded to black and white (a fax-like copy) instead of grey. */
  bilevel: boolean;
}

export function degradation(rng: Random, split: Split): Degradation {
  const sign = rng.chance(0.5) ? -1 : 1;
  // Development copies span as hard a range as held-out ones (other draws): tuning on gentle
  // copies alone left the low-resolution and fax-like failures unseen.
  if (split === "dev") {
    return {
      dpi: rng.pick([120, 140, 150, 160, 200]),
      skewDegrees: sign * rng.float(0.3, 4.5),
      blur: rng.float(0.3, 1.2),
      jpegQuality: rng.int(18, 60),
      paper: rng.float(0.76, 0.95),
      noise: rng.float(0, 0.5),
      bilevel: rng.chance(0.2),
    };
  }
  return {
    dpi: rng.pick([130, 150, 150, 180, 200]),
    skewDegrees: sign * rng.float(0.8, 4),
    blur: rng.float(0.5, 1.1),
    jpegQuality: rng.int(20, 45),
    paper: rng.float(0.78, 0.92),
    noise: rng.float(0.1, 0.5),
    bilevel: rng.chance(0.2),
  };
}
