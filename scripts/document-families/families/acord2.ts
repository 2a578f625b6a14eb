// A replica of the ACORD 2 (2016/10) Automobile Loss Notice as the common fillable edition
// has it: the same field names (many generic, "Text7" for the policy number, "Text45" for the
// estimate), rectangles, printed labels and sections (acord2-layout.json, read from a filled
// public copy by read-acord2-layout.ts), filled with a made-up claim that has an other party,
// injured people and witnesses, each section with its own policy numbers, amounts and names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, type PDFFont, type PDFForm, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { type ClaimFacts, expectedCore, fullName, type Person } from "../facts";
import { accountOfLoss } from "../narrative";
import type { Random } from "../random";
import type { Split } from "../variations";
import type { FamilyDocument } from "./types";

interface Layout {
  pages: Array<{
    number: number;
    labels: Array<{ text: string; x: number; y: number; size: number }>;
    widgets: Array<{ name: string; kind: "text" | "checkbox"; rect: number[]; multiline?: boolean }>;
  }>;
}

const LAYOUT = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "..", "src", "domain", "documents", "acord2-layout.json"), "utf8"),
) as Layout;

const mmddyyyy = (d: Date) =>
  `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
const money = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Values by field name; a leading space or two now and then, as people type into forms. */
function values(f: ClaimFacts, rng: Random): { text: Record<string, string>; checked: string[] } {
  const pad = (s: string) => (rng.chance(0.3) ? `${" ".repeat(rng.int(1, 4))}${s}` : s);
  const agent: Person = {
    first: rng.pick(["Sarah", "Tom", "Ana", "Raj"]),
    last: rng.pick(["Williams", "Kim", "Osei", "Brandt"]),
  };
  const hour12 = ((f.lossHour + 11) % 12) + 1;
  const address = (_p: Person) =>
    `${rng.int(10, 9900)} ${rng.pick(["Rockwood Drive", "Shoal Creek Blvd", "Mesa Drive", "Elm Street"])}, ${f.city}, ${f.state} ${f.zip}`;
  const text: Record<string, string> = {
    Text1: mmddyyyy(f.reportDate),
    AGENCY: `${rng.pick(["Premier", "Keystone", "Harbor", "Summit"])} Insurance Agency`,
    Text2: pad(`${rng.letters(4)}-${rng.digits(3)}`),
    Text3: mmddyyyy(f.lossDate),
    Text4: `${hour12}:${String(f.lossMinute).padStart(2, "0")}`,
    CARRIER: f.insurer,
    "NAIC CODE": rng.digits(5),
    "NAME CONTACT": pad(fullName(agent)),
    Text7: f.policyNumber,
    "AC No Ext PHONE": pad(f.altPhone),
    Text8: "Personal Auto",
    "AGENCY CUSTOMER ID": pad(`CUST-${rng.digits(4)}-${rng.digits(4)}`),
    "NAME OF INSURED First Middle Last": fullName(f.claimant),
    "DATE OF BIRTH": mmddyyyy(f.birthDate),
    "CIVIL UNION if applicable MARITAL STATUS": rng.pick(["Married", "Single", ""]),
    Text98: `${f.street}, ${f.city}, ${f.state} ${f.zip}`,
    "PHONE  CELL HOME BUS PRIMARY": f.phone,
    "PHONE  SECONDARY CELL HOME BUS": f.altPhone,
    "NAME OF CONTACT First Middle Last": fullName(f.claimant),
    "PHONE  CELL HOME BUS PRIMARY_2": f.phone,
    "STREET LOCATION OF LOSS": f.street,
    "CITY STATE ZIP": `${f.city}, ${f.state} ${f.zip}`,
    COUNTRY: pad("USA"),
    "DESCRIPTION OF ACCIDENT ACORD 101 Additional Remarks Schedule may be attached if more space is required":
      accountOfLoss(f, rng),
    VEH: "1",
    YEAR: String(f.vehicle.year),
    MAKE: pad(`${f.vehicle.make} ${f.vehicle.model}`),
    "TYPE BODY": pad(rng.pick(["4-Door Sedan", "SUV", "Pickup Truck", "Hatchback"])),
    "PLATE NUMBER": f.vehicle.plate,
    STATE: pad(f.state),
    "Employee family etc RELATION TO INSURED": "Self",
    "DATE OF BIRTH_2": mmddyyyy(f.birthDate),
    "DRIVERS LICENSE NUMBER": `${f.state}-${rng.digits(8)}`,
    STATE_2: f.state,
    "PURPOSE OF USE": rng.pick(["Commuting to work", "Personal", "Errands"]),
    "DESCRIBE DAMAGE": rng.pick([
      "Rear bumper and trunk lid damaged.",
      "Front end damage, headlights broken.",
      "Passenger side doors dented, mirror torn off.",
    ]),
    Text45: money(f.amount),
    "WHERE CAN VEHICLE BE SEEN": pad(`${f.shop}, ${f.city}`),
    "WHEN CAN VEHICLE BE SEEN": pad("Weekdays 8am-5pm"),
    "OTHER INSURANCE ON VEHICLE  CARRIER": pad("None"),
    "REPORTED BY": fullName(f.claimant),
    "REPORTED TO": `${fullName(agent)}`,
  };
  if (f.policeDepartment) {
    text["POLICE OR FIRE DEPARTMENT CONTACTED"] = f.policeDepartment;
    text["REPORT NUMBER"] = f.policeReport!;
  }
  if (f.otherParty) {
    const o = f.otherParty;
    Object.assign(text, {
      "NON  VEHICLE": pad(o.vehicle.make),
      VEH_2: "2",
      YEAR_2: String(o.vehicle.year),
      MODEL: pad(o.vehicle.model),
      VIN: pad(o.vehicle.vin),
      "PLATE NUMBER_2": pad(o.vehicle.plate),
      STATE_3: pad(f.state),
      "DESCRIBE PROPERTY Other Than Vehicle": "N/A",
      "CARRIER OR AGENCY NAME": o.insurer,
      "NAIC CODE_2": rng.digits(5),
      "POLICY NUMBER_2": o.policyNumber,
      Text48: `${fullName(o.person)}, ${address(o.person)}`,
      "PHONE  CELL HOME BUS PRIMARY_5": o.phone,
      "DESCRIBE DAMAGE_2": "Front end damaged.",
      "ESTIMATE AMOUNT_2": money(o.estimate),
      Text62: `${rng.pick(["Round Rock Collision Center", "City Body Shop"])}, ${f.city}`,
    });
  }
  const injuredRows = [
    ["NAME  ADDRESSRow1", "Text83", "PHONE AC NoRow1", "AGE", "Text84"],
    ["NAME  ADDRESSRow2", "Text86", "PHONE AC NoRow2", "AGE_2", "Text85"],
    ["NAME  ADDRESSRow3", "Text87", "PHONE AC NoRow3", "AGE_3", "Text88"],
  ];
  f.injured.slice(0, 3).forEach((p, i) => {
    const [name, addr, tel, age, extent] = injuredRows[i]!;
    Object.assign(text, {
      [name!]: fullName(p),
      [addr!]: address(p),
      [tel!]: f.altPhone,
      [age!]: String(rng.int(19, 80)),
      [extent!]: rng.pick(["Neck strain", "Bruising", "Broken wrist"]),
    });
  });
  const witnessRows = [
    ["NAME  ADDRESSRow1_2", "Text91", "PHONE AC NoRow1_2", "Text92"],
    ["NAME  ADDRESSRow2_2", "Text93", "PHONE AC NoRow2_2", "Text94"],
  ];
  f.witnesses.slice(0, 2).forEach((p, i) => {
    const [name, addr, tel, role] = witnessRows[i]!;
    Object.assign(text, {
      [name!]: fullName(p),
      [addr!]: address(p),
      [tel!]: f.altPhone,
      [role!]: rng.pick(["Witness - pedestrian", "Witness - other driver"]),
    });
  });
  // Some filled copies carry the remarks box's own caption as its value.
  if (rng.chance(0.3))
    text["REMARKS ACORD 101 Additional Remarks Schedule may be attached if more space is required"] =
      "REMARKS (ACORD 101, Additional Remarks Schedule, may be attached if more space is required)";
  const checked = [f.lossHour < 12 ? "Check Box5" : "Check Box6", "Check Box10", "Check Box9"];
  return { text: Object.fromEntries(Object.entries(text).filter(([, v]) => v !== "")), checked };
}

function drawPage(page: PDFPage, layout: Layout["pages"][number], regular: PDFFont, bold: PDFFont): void {
  for (const w of layout.widgets) {
    if (w.kind !== "text") continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = w.rect;
    // Each box: a hairline frame from the widget up to the caption printed inside its top.
    page.drawRectangle({
      x: x1 - 1,
      y: y1 - 1,
      width: x2 - x1 + 2,
      height: y2 - y1 + 9,
      borderColor: rgb(0.35, 0.35, 0.35),
      borderWidth: 0.4,
    });
  }
  for (const l of layout.labels)
    page.drawText(l.text, { x: l.x, y: l.y, size: l.size, font: l.size >= 8 ? bold : regular, color: rgb(0, 0, 0) });
}

function fill(
  form: PDFForm,
  page: PDFPage,
  layout: Layout["pages"][number],
  v: ReturnType<typeof values>,
  font: PDFFont,
): void {
  for (const w of layout.widgets) {
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = w.rect;
    const rect = { x: x1, y: y1, width: x2 - x1, height: y2 - y1, borderWidth: 0 };
    if (w.kind === "checkbox") {
      const box = form.createCheckBox(w.name);
      box.addToPage(page, rect);
      if (v.checked.includes(w.name)) box.check();
      continue;
    }
    const field = form.createTextField(w.name);
    if (w.multiline || y2 - y1 > 30) field.enableMultiline();
    const value = v.text[w.name];
    if (value) field.setText(value);
    field.addToPage(page, { ...rect, font });
    field.setFontSize(y2 - y1 > 30 ? 7.5 : Math.min(9, (y2 - y1) * 0.72));
  }
}

export async function acord2(rng: Random, _split: Split, f: ClaimFacts): Promise<FamilyDocument> {
  const doc = await PDFDocument.create();
  const fixed = new Date("2025-01-01T00:00:00Z");
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  doc.setTitle("ACORD 0002 2016-10");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const form = doc.getForm();
  const v = values(f, rng);
  for (const layout of LAYOUT.pages) {
    const page = doc.addPage([612, 792]);
    drawPage(page, layout, regular, bold);
    fill(form, page, layout, v, regular);
  }
  form.updateFieldAppearances(regular);
  return {
    pdf: await doc.save(),
    expected: { ...expectedCore(f), incident_type: f.incidentType },
    variant: `${f.otherParty ? "other party" : "no other party"}, ${f.injured.length} injured, ${f.witnesses.length} witnesses`,
  };
}
