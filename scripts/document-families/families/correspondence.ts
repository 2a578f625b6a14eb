// Letters and e-mails: the facts are in sentences, dates are written out ("March 3rd, 2025"),
// and the letter's own date, the deductible and the policy's start date stand nearby.
import { addPage, newSheet, paragraph, save, text } from "../draw";
import { type ClaimFacts, expectedCore, fullName } from "../facts";
import { accountOfLoss } from "../narrative";
import type { Random } from "../random";
import { amountStyle, proseDateStyle, type Split } from "../variations";
import type { FamilyDocument } from "./types";

type Sentence = (f: ClaimFacts, d: (x: Date) => string, m: (n: number) => string, rng: Random) => string;

const OPENINGS: Record<Split, Sentence[]> = {
  dev: [
    (f, d) => `I am writing to report an accident that happened on ${d(f.lossDate)}.`,
    (f, d) => `On ${d(f.lossDate)} I was involved in an accident and would like to file a claim.`,
    (f, d) => `Please accept this letter as notice of a loss that occurred on ${d(f.lossDate)}.`,
  ],
  heldout: [
    (f, d) => `Further to my phone call, I need to make a claim for the incident of ${d(f.lossDate)}.`,
    (f, d) => `This is to let you know that my car was damaged on ${d(f.lossDate)}.`,
    (f, d) => `I'm getting in touch about what happened to my vehicle on ${d(f.lossDate)}.`,
  ],
};
const POLICY: Record<Split, Sentence[]> = {
  dev: [
    (f) => `My policy number is ${f.policyNumber}.`,
    (f) => `I am insured with you under policy ${f.policyNumber}.`,
  ],
  heldout: [
    (f) => `For your reference, the policy is ${f.policyNumber}.`,
    (f) => `I hold policy no. ${f.policyNumber} with ${f.insurer}.`,
  ],
};
const AMOUNT: Record<Split, Sentence[]> = {
  dev: [
    (f, _d, m) => `The repair estimate came to ${m(f.amount)} and I am claiming that amount.`,
    (f, _d, m) => `I am claiming ${m(f.amount)} for the repairs, as shown on the attached estimate.`,
  ],
  heldout: [
    (f, _d, m) => `The body shop quoted ${m(f.amount)} to put it right, which is the sum I am asking you to cover.`,
    (f, _d, m) => `Please reimburse ${m(f.amount)}, the total of the enclosed invoice.`,
  ],
};
const DISTRACTORS: Sentence[] = [
  (f, _d, m) => `I understand my deductible of ${m(f.deductible)} applies.`,
  (f, d) => `The policy has been in force since ${d(f.policyEffective)}.`,
  (f) => `You can reach me on ${f.phone}.`,
  (f) => `The VIN of my car is ${f.vehicle.vin}.`,
];

export async function correspondence(rng: Random, split: Split, f: ClaimFacts): Promise<FamilyDocument> {
  const sheet = await newSheet(rng, split);
  const { regular, bold } = sheet.fonts;
  const page = addPage(sheet);
  const d = proseDateStyle(rng, split);
  const m = amountStyle(rng, split);
  const email = rng.chance(0.45);
  const name = fullName(f.claimant);
  const body = [
    rng.pick(OPENINGS[split])(f, d, m, rng),
    accountOfLoss(f, rng),
    rng.pick(POLICY[split])(f, d, m, rng),
    ...rng
      .shuffle(DISTRACTORS)
      .slice(0, rng.int(2, 4))
      .map((s) => s(f, d, m, rng)),
    rng.pick(AMOUNT[split])(f, d, m, rng),
  ];
  // The policy number sometimes comes first, in the subject or reference line.
  const reference = rng.chance(0.5);
  let y = 740;
  if (email) {
    const sent = new Date(f.reportDate.getTime() + rng.int(8, 18) * 3_600_000);
    const headers: Array<[string, string]> = [
      [
        "From",
        `${name} <${f.claimant.first.toLowerCase()}.${f.claimant.last.toLowerCase().replace(/[^a-z]/g, "")}@example.com>`,
      ],
      ["Sent", `${sent.toUTCString().replace(/:\d\d GMT$/, "")}`],
      ["To", `claims@${f.insurer.toLowerCase().replace(/[^a-z]/g, "")}.example`],
      [
        "Subject",
        reference ? `Claim - policy ${f.policyNumber}` : rng.pick(["Accident claim", "New claim", "Damage to my car"]),
      ],
    ];
    for (const [k, v] of headers) {
      text(page, `${k}:`, 50, y, 10, bold);
      text(page, v, 110, y, 10, regular);
      y -= 15;
    }
    y -= 15;
    text(page, rng.pick(["Hello,", "Dear Claims Team,", "Hi,"]), 50, y, 10.5, regular);
  } else {
    for (const line of [name, f.street, `${f.city}, ${f.state} ${f.zip}`, f.phone]) {
      text(page, line, 50, y, 10.5, regular);
      y -= 14;
    }
    y -= 14;
    text(page, d(f.reportDate), 50, y, 10.5, regular);
    y -= 28;
    for (const line of [`${f.insurer}`, "Claims Department"]) {
      text(page, line, 50, y, 10.5, regular);
      y -= 14;
    }
    y -= 14;
    if (reference) {
      text(page, `Re: Policy No. ${f.policyNumber}`, 50, y, 10.5, bold);
      y -= 24;
    }
    text(page, "Dear Sir or Madam,", 50, y, 10.5, regular);
  }
  y -= 22;
  for (const sentence of [body.slice(0, 2).join(" "), body.slice(2).join(" ")]) {
    y = paragraph(page, sentence, 50, y, 500, 10.5, regular, 1.4) - 10;
  }
  y -= 10;
  text(page, rng.pick(["Sincerely,", "Kind regards,", "Yours faithfully,", "Thank you,"]), 50, y, 10.5, regular);
  text(page, name, 50, y - 30, 10.5, regular);
  return {
    pdf: await save(sheet),
    expected: { ...expectedCore(f), incident_type: f.incidentType },
    variant: `${email ? "e-mail" : "letter"}${reference ? ", reference line" : ""}, ${sheet.fonts.name}`,
  };
}
