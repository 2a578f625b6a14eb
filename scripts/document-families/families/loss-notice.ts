// A boxed loss notice: sections of boxes in two or three columns, each box a label and its
// value (below the label, or beside it), with the dates, amounts and numbers that surround
// the claim's own: report date, policy period, date of birth, deductible, VIN, phone, zip,
// and the other party's policy and estimate under a section of their own.
import { addPage, box, newSheet, paragraph, save, text, wrap } from "../draw";
import { type ClaimFacts, expectedCore, fullName } from "../facts";
import { accountOfLoss } from "../narrative";
import type { Random } from "../random";
import { amountStyle, dateStyle, labelPool, nameStyle, type Split } from "../variations";
import type { FamilyDocument } from "./types";

interface Cell {
  label: string;
  value: string;
  /** Spans the whole row. */
  wide?: boolean;
}

interface Section {
  title: string;
  cells: Cell[];
}

const TITLES: Record<Split, string[]> = {
  dev: ["NOTICE OF LOSS", "AUTOMOBILE LOSS REPORT", "First Notice of Loss - Auto", "VEHICLE CLAIM FORM"],
  heldout: [
    "Motor Claim Notification",
    "AUTO ACCIDENT REPORT",
    "Loss Report (Private Passenger Auto)",
    "CLAIM INTAKE SHEET",
  ],
};
const SECTION_TITLES: Record<
  Split,
  Record<"policy" | "insured" | "loss" | "vehicle" | "other" | "witness", string[]>
> = {
  dev: {
    policy: ["POLICY INFORMATION", "Policy"],
    insured: ["INSURED", "Insured / Policyholder"],
    loss: ["LOSS INFORMATION", "Details of Loss"],
    vehicle: ["INSURED VEHICLE", "Vehicle"],
    other: ["OTHER PARTY", "Other Vehicle / Driver"],
    witness: ["WITNESSES", "Witnesses"],
  },
  heldout: {
    policy: ["Cover details", "POLICY"],
    insured: ["Policyholder details", "YOUR DETAILS"],
    loss: ["About the incident", "ACCIDENT DETAILS"],
    vehicle: ["Your vehicle", "VEHICLE INFORMATION"],
    other: ["Third party", "OTHER VEHICLE / PROPERTY DAMAGED"],
    witness: ["Witness details", "WITNESSES OR PASSENGERS"],
  },
};

const time = (f: ClaimFacts) =>
  `${((f.lossHour + 11) % 12) + 1}:${String(f.lossMinute).padStart(2, "0")} ${f.lossHour < 12 ? "AM" : "PM"}`;

function sections(f: ClaimFacts, rng: Random, split: Split): Section[] {
  const labels = labelPool(split);
  const date = dateStyle(rng, split);
  const money = amountStyle(rng, split);
  const name = nameStyle(rng, split);
  const titles = SECTION_TITLES[split];
  const upper = rng.chance(0.4);
  const L = (s: string) => (upper ? s.toUpperCase() : s);
  const out: Section[] = [
    {
      title: rng.pick(titles.policy),
      cells: rng.shuffle([
        { label: L(rng.pick(labels.policy)), value: f.policyNumber },
        { label: L(rng.pick(labels.effective)), value: date(f.policyEffective) },
        { label: L(rng.pick(labels.expiration)), value: date(f.policyExpiration) },
        { label: L("Insurance Company"), value: f.insurer },
        { label: L("Claim Number"), value: f.claimNumber },
      ]),
    },
    {
      title: rng.pick(titles.insured),
      cells: [
        { label: L(rng.pick(labels.claimant)), value: name(f.claimant) },
        ...rng.shuffle([
          { label: L(rng.pick(labels.birth)), value: date(f.birthDate) },
          { label: L(rng.pick(labels.phone)), value: f.phone },
          { label: L("Address"), value: `${f.street}, ${f.city}, ${f.state} ${f.zip}` },
        ]),
      ],
    },
    {
      title: rng.pick(titles.loss),
      cells: [
        ...rng.shuffle([
          { label: L(rng.pick(labels.lossDate)), value: date(f.lossDate) },
          { label: L("Time of Loss"), value: time(f) },
          { label: L(rng.pick(labels.reportDate)), value: date(f.reportDate) },
          { label: L("Location of Loss"), value: `${f.city}, ${f.state} ${f.zip}` },
          { label: L(rng.pick(labels.amount)), value: money(f.amount) },
          { label: L(rng.pick(labels.deductible)), value: money(f.deductible) },
          ...(f.policeReport ? [{ label: L("Police Report No."), value: f.policeReport }] : []),
        ]),
        { label: L("Description of Loss"), value: accountOfLoss(f, rng), wide: true },
      ],
    },
    {
      title: rng.pick(titles.vehicle),
      cells: rng.shuffle([
        { label: L("Year / Make / Model"), value: `${f.vehicle.year} ${f.vehicle.make} ${f.vehicle.model}` },
        { label: L("VIN"), value: f.vehicle.vin },
        { label: L("Plate"), value: f.vehicle.plate },
      ]),
    },
  ];
  if (f.otherParty) {
    const o = f.otherParty;
    out.push({
      title: rng.pick(titles.other),
      cells: [
        { label: L(rng.pick(["Name", "Driver Name", "Owner's Name"])), value: name(o.person) },
        { label: L("Insurance Company"), value: o.insurer },
        { label: L(rng.pick(labels.policy)), value: o.policyNumber },
        { label: L(rng.pick(["Estimate Amount", "Estimated Damage", "Damage Estimate"])), value: money(o.estimate) },
        { label: L(rng.pick(labels.phone)), value: o.phone },
        { label: L("VIN"), value: o.vehicle.vin },
      ],
    });
  }
  if (f.witnesses.length) {
    out.push({
      title: rng.pick(titles.witness),
      cells: f.witnesses.map((w, i) => ({ label: L(`Witness ${i + 1}`), value: fullName(w) })),
    });
  }
  return out;
}

export async function lossNotice(rng: Random, split: Split, f: ClaimFacts): Promise<FamilyDocument> {
  const sheet = await newSheet(rng, split);
  const { regular, bold } = sheet.fonts;
  let page = addPage(sheet);
  const columns = rng.pick([2, 3]);
  const all = sections(f, rng, split);
  // Captions beside their values only where every pair fits its box (forms are laid out so).
  const fits = all.every((s) =>
    s.cells.every(
      (c) =>
        c.wide ||
        bold.widthOfTextAtSize(`${c.label}:`, 8.5) + regular.widthOfTextAtSize(c.value, 10.5) + 16 < 540 / columns,
    ),
  );
  const labelAbove = !fits || rng.chance(0.65);
  const labelSize = labelAbove ? rng.pick([6.5, 7, 8]) : 8.5;
  const valueSize = rng.pick([9, 10, 10.5]);
  const left = 36;
  const width = 540;
  let y = 750;
  text(page, f.insurer.toUpperCase(), left, y, 14, bold);
  y -= 18;
  text(page, rng.pick(TITLES[split]), left, y, 11, regular);
  y -= 22;
  for (const section of all) {
    const rows: Cell[][] = [];
    let row: Cell[] = [];
    for (const cell of section.cells) {
      if (cell.wide) {
        if (row.length) rows.push(row);
        rows.push([cell]);
        row = [];
        continue;
      }
      row.push(cell);
      if (row.length === columns) {
        rows.push(row);
        row = [];
      }
    }
    if (row.length) rows.push(row);
    const heights = rows.map((r) =>
      r[0]!.wide
        ? 16 + wrap(r[0]!.value, regular, valueSize, width - 12).length * valueSize * 1.3
        : labelAbove
          ? 28
          : 20,
    );
    if (y - 16 - heights.reduce((a, b) => a + b, 0) < 40) {
      page = addPage(sheet);
      y = 750;
    }
    box(page, left, y - 14, width, 14, 0.85);
    text(page, section.title, left + 4, y - 10.5, 8.5, bold);
    y -= 14;
    rows.forEach((cells, r) => {
      const h = heights[r]!;
      const w = width / (cells[0]!.wide ? 1 : columns);
      cells.forEach((cell, c) => {
        const x = left + c * w;
        box(page, x, y - h, w, h);
        if (cell.wide) {
          text(page, cell.label, x + 4, y - 9, labelSize, bold);
          paragraph(page, cell.value, x + 6, y - 9 - valueSize * 1.3, width - 12, valueSize, regular, 1.3);
        } else if (labelAbove) {
          text(page, cell.label, x + 3, y - 8, labelSize, regular);
          const size = Math.min(valueSize, ((w - 10) / regular.widthOfTextAtSize(cell.value, valueSize)) * valueSize);
          text(page, cell.value, x + 6, y - 22, size, regular);
        } else {
          const label = `${cell.label}:`;
          text(page, label, x + 4, y - 13, labelSize, bold);
          text(page, cell.value, x + 8 + bold.widthOfTextAtSize(label, labelSize), y - 13, valueSize, regular);
        }
      });
      y -= h;
    });
    y -= 8;
  }
  text(
    page,
    `Signature of insured: ____________________    Date: ${dateStyle(rng, split)(f.reportDate)}`,
    left,
    Math.max(y - 20, 30),
    9,
    regular,
  );
  return {
    pdf: await save(sheet),
    expected: { ...expectedCore(f), incident_type: f.incidentType },
    variant: `${columns} columns, labels ${labelAbove ? "above" : "beside"}, ${sheet.fonts.name}`,
  };
}
