// A body shop's repair estimate: shop header, owner and insurance block, vehicle with VIN and
// odometer, an itemised table (parts, labour hours and rates, paint), then subtotal, tax,
// the total (the amount claimed) and the deductible below it.
import { addPage, box, newSheet, rule, save, text } from "../draw";
import { type ClaimFacts, expectedCore } from "../facts";
import type { Random } from "../random";
import { amountStyle, dateStyle, labelPool, nameStyle, type Split } from "../variations";
import type { FamilyDocument } from "./types";

const PARTS = [
  "Front bumper cover",
  "Rear bumper cover",
  "Headlamp assembly, LH",
  "Headlamp assembly, RH",
  "Grille",
  "Hood panel",
  "Fender, RH",
  "Fender, LH",
  "Front door shell, RH",
  "Rear door shell, LH",
  "Tail lamp assembly",
  "Radiator support",
  "Condenser",
  "Side mirror, RH",
  "Quarter panel",
  "Trunk lid",
  "Windshield",
  "Wheel alignment",
];

const TOTAL_LABELS: Record<Split, string[]> = {
  dev: ["TOTAL", "Grand Total", "Estimate Total", "TOTAL ESTIMATE"],
  heldout: ["TOTAL COST OF REPAIRS", "Total Amount", "Gross Total", "ESTIMATE GRAND TOTAL"],
};
const TITLES: Record<Split, string[]> = {
  dev: ["REPAIR ESTIMATE", "Estimate of Record", "Preliminary Estimate"],
  heldout: ["WORKFILE ESTIMATE", "Collision Repair Quote", "Supplement Estimate"],
};

interface Line {
  operation: string;
  description: string;
  quantity: number;
  unit: number;
}

/** Line items whose amounts add up exactly (in cents) to the subtotal. */
function lineItems(rng: Random, target: number): Line[] {
  const count = rng.int(4, 9);
  const weights = Array.from({ length: count }, () => rng.float(0.5, 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const cents = Math.round(target * 100);
  let used = 0;
  return rng
    .shuffle(PARTS)
    .slice(0, count)
    .map((part, i) => {
      const share = i === count - 1 ? cents - used : Math.round((weights[i]! / sum) * cents);
      used += share;
      const labour = rng.chance(0.35);
      return labour
        ? { operation: "Labor", description: `${part} - R&I`, quantity: 1, unit: share / 100 }
        : { operation: rng.pick(["Repl", "Rpr", "Refn"]), description: part, quantity: 1, unit: share / 100 };
    });
}

export async function repairEstimate(rng: Random, split: Split, f: ClaimFacts): Promise<FamilyDocument> {
  const sheet = await newSheet(rng, split);
  const { regular, bold } = sheet.fonts;
  const page = addPage(sheet);
  const money = amountStyle(rng, split);
  const date = dateStyle(rng, split);
  const name = nameStyle(rng, split);
  const labels = labelPool(split);
  const taxRate = rng.pick([0, 0.0625, 0.07, 0.0825, 0.06]);
  // The total is the claimed amount: subtotal + tax, to the cent.
  const total = f.amount;
  const subtotal = Math.round((total / (1 + taxRate)) * 100) / 100;
  const tax = Math.round((total - subtotal) * 100) / 100;
  const items = lineItems(rng, subtotal);

  let y = 752;
  text(page, f.shop, 40, y, 15, bold);
  text(
    page,
    `${rng.int(100, 9999)} Industrial Way, ${f.city}, ${f.state} ${f.zip}   Tel ${f.altPhone}`,
    40,
    y - 14,
    8.5,
    regular,
  );
  text(page, rng.pick(TITLES[split]), 400, y, 12, bold);
  text(page, `Estimate date: ${date(f.reportDate)}`, 400, y - 14, 8.5, regular);
  y -= 40;
  const left: Array<[string, string]> = [
    [rng.pick(["Owner", "Customer", ...labels.claimant.slice(0, 2)]), name(f.claimant)],
    ["Address", `${f.street}, ${f.city}, ${f.state} ${f.zip}`],
    [rng.pick(labels.phone), f.phone],
  ];
  const right: Array<[string, string]> = rng.shuffle([
    ["Insurance Co.", f.insurer],
    [rng.pick(labels.policy), f.policyNumber],
    ["Claim #", f.claimNumber],
    [rng.pick(labels.lossDate), date(f.lossDate)],
    [rng.pick(labels.deductible), money(f.deductible)],
  ]);
  box(page, 36, y - 78, 540, 80);
  left.forEach(([label, value], i) => {
    text(page, `${label}:`, 42, y - 12 - i * 14, 8.5, bold);
    text(page, value, 120, y - 12 - i * 14, 9, regular);
  });
  right.forEach(([label, value], i) => {
    text(page, `${label}:`, 320, y - 12 - i * 14, 8.5, bold);
    text(page, value, 415, y - 12 - i * 14, 9, regular);
  });
  y -= 92;
  text(
    page,
    `${f.vehicle.year} ${f.vehicle.make} ${f.vehicle.model}   VIN: ${f.vehicle.vin}   Plate: ${f.vehicle.plate}   Odometer: ${rng.int(8000, 190000).toLocaleString("en-US")} mi`,
    40,
    y,
    8.5,
    regular,
  );
  y -= 20;
  const cols = [40, 80, 120, 360, 420, 500];
  box(page, 36, y - 4, 540, 16, 0.88);
  for (const [i, h] of ["Line", "Oper", "Description", "Qty", "Unit Price", "Amount"].entries()) {
    text(page, h, cols[i]!, y, 8.5, bold);
  }
  y -= 18;
  items.forEach((item, i) => {
    text(page, String(i + 1), cols[0]!, y, 9, regular);
    text(page, item.operation, cols[1]!, y, 9, regular);
    text(page, item.description, cols[2]!, y, 9, regular);
    text(page, String(item.quantity), cols[3]!, y, 9, regular);
    text(page, item.unit.toFixed(2), cols[4]!, y, 9, regular);
    const amount = (item.unit * item.quantity).toLocaleString("en-US", { minimumFractionDigits: 2 });
    text(page, amount, 570 - regular.widthOfTextAtSize(amount, 9), y, 9, regular);
    y -= 14;
  });
  rule(page, 380, y + 6, 576);
  const totals: Array<[string, number, boolean]> = [
    ["Subtotal", subtotal, false],
    [`Sales Tax (${(taxRate * 100).toFixed(2)}%)`, tax, false],
    [rng.pick(TOTAL_LABELS[split]), total, true],
    [rng.pick(["Less Deductible", "Deductible", "Customer Deductible"]), f.deductible, false],
  ];
  for (const [label, value, strong] of totals) {
    y -= 14;
    const shown = money(value);
    text(page, label, 390, y, 9, strong ? bold : regular);
    text(page, shown, 570 - (strong ? bold : regular).widthOfTextAtSize(shown, 9), y, 9, strong ? bold : regular);
  }
  y -= 30;
  text(
    page,
    "This estimate is based on a visual inspection; hidden damage may require a supplement.",
    40,
    y,
    8,
    regular,
  );
  return {
    pdf: await save(sheet),
    expected: expectedCore(f, total),
    variant: `${items.length} lines, tax ${(taxRate * 100).toFixed(2)}%, ${sheet.fonts.name}`,
  };
}
