// A two-page claim form: the claimant and policy on page 1, the loss on page 2. Questions
// are printed as labels with dotted leaders or underlines, or as numbered questions.

import type { PDFFont, PDFPage } from "pdf-lib";
import { addPage, newSheet, paragraph, rule, save, text } from "../draw";
import { type ClaimFacts, expectedCore } from "../facts";
import { accountOfLoss } from "../narrative";
import type { Random } from "../random";
import { amountStyle, dateStyle, labelPool, nameStyle, type Split } from "../variations";
import type { FamilyDocument } from "./types";

type Style = "leaders" | "underline" | "numbered";

const PAGE_TITLES: Record<Split, [string[], string[]]> = {
  dev: [
    ["PART A - POLICYHOLDER", "Section 1: Your details"],
    ["PART B - DETAILS OF THE LOSS", "Section 2: The incident"],
  ],
  heldout: [
    ["1. About you", "POLICYHOLDER INFORMATION"],
    ["2. What happened", "INCIDENT INFORMATION"],
  ],
};

export async function twoPageForm(rng: Random, split: Split, f: ClaimFacts): Promise<FamilyDocument> {
  const sheet = await newSheet(rng, split);
  const { regular, bold } = sheet.fonts;
  const style = rng.pick<Style>(["leaders", "underline", "numbered"]);
  const labels = labelPool(split);
  const date = dateStyle(rng, split);
  const money = amountStyle(rng, split);
  const name = nameStyle(rng, split);
  let question = 0;
  const row = (page: PDFPage, label: string, value: string, y: number, font: PDFFont) => {
    const shown = style === "numbered" ? `${++question}. ${label}` : label;
    text(page, shown, 60, y, 10, font);
    const start = 60 + font.widthOfTextAtSize(shown, 10) + 6;
    if (style === "leaders") text(page, ".".repeat(Math.max(3, Math.floor((250 - start) / 3))), start, y, 10, regular);
    if (style === "underline") rule(page, 260, y - 3, 560);
    text(
      page,
      value,
      style === "numbered" ? Math.max(start + 10, 280) : 265,
      y + (style === "underline" ? 1 : 0),
      10.5,
      regular,
    );
    return y - rng.pick([24, 26, 30]);
  };
  const header = (page: PDFPage, title: string, number: number) => {
    text(page, f.insurer, 60, 750, 13, bold);
    text(
      page,
      rng.pick(["CLAIM FORM - MOTOR", "Motor Insurance Claim Form", "AUTO CLAIM REPORT"]),
      60,
      734,
      10,
      regular,
    );
    text(page, `Page ${number} of 2`, 500, 750, 8, regular);
    text(page, title, 60, 700, 11.5, bold);
  };

  const one = addPage(sheet);
  header(one, rng.pick(PAGE_TITLES[split][0]), 1);
  let y = 670;
  const first: Array<[string, string]> = [
    [rng.pick(labels.claimant), name(f.claimant)],
    ["Address", `${f.street}, ${f.city}, ${f.state} ${f.zip}`],
    [rng.pick(labels.birth), date(f.birthDate)],
    [rng.pick(labels.phone), f.phone],
    [rng.pick(labels.policy), f.policyNumber],
    [rng.pick(labels.effective), date(f.policyEffective)],
    [rng.pick(labels.expiration), date(f.policyExpiration)],
    ["Vehicle registration", f.vehicle.plate],
    ["VIN", f.vehicle.vin],
  ];
  for (const [label, value] of first) y = row(one, label, value, y, bold);

  const two = addPage(sheet);
  header(two, rng.pick(PAGE_TITLES[split][1]), 2);
  y = 670;
  const time = `${String(f.lossHour).padStart(2, "0")}:${String(f.lossMinute).padStart(2, "0")}`;
  const second: Array<[string, string]> = [
    [rng.pick(labels.lossDate), date(f.lossDate)],
    ["Time", time],
    ["Place of accident", `${f.street}, ${f.city}, ${f.state}`],
    [rng.pick(labels.reportDate), date(f.reportDate)],
    [rng.pick(labels.amount), money(f.amount)],
    [rng.pick(labels.deductible), money(f.deductible)],
    ["Police report number", f.policeReport ?? "None"],
  ];
  for (const [label, value] of [...second.slice(0, 2), ...rng.shuffle(second.slice(2))])
    y = row(two, label, value, y, bold);
  y -= 6;
  text(two, style === "numbered" ? `${++question}. Describe what happened` : "Describe what happened", 60, y, 10, bold);
  y = paragraph(two, accountOfLoss(f, rng), 60, y - 18, 490, 10, regular, 1.4);
  text(two, `Signed: ________________________   Date: ${date(f.reportDate)}`, 60, Math.max(60, y - 40), 9.5, regular);
  return {
    pdf: await save(sheet),
    expected: { ...expectedCore(f), incident_type: f.incidentType },
    variant: `${style}, ${sheet.fonts.name}`,
  };
}
