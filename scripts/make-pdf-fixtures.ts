// Generates the claim-PDF fixtures with known field values into test/fixtures/documents/,
// plus expected.json. Typed label/value form, boxed table, narrative letter, filled
// AcroForm, a CMS-1500-style fillable form, scanned image-only versions (pdftoppm at
// 150 dpi, grey paper and specks, JPEG-compressed), and the malformed set.
// Run: npx tsx scripts/make-pdf-fixtures.ts   (needs pdftoppm from poppler-utils)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from "pdf-lib";
import { makeEncryptedPdf } from "./fixtures/encrypt";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "documents");

type Fields = Record<string, string | number>;
interface Fixture {
  file: string;
  kind: "typed" | "scanned" | "form";
  layout: string;
  fields: Fields;
}

// Deterministic pseudo-random numbers so the fixtures are reproducible.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

interface Draw {
  page: PDFPage;
  font: PDFFont;
  bold: PDFFont;
}

const FIXED_DATE = new Date("2025-01-01T00:00:00Z");

/** A new document with fixed metadata dates, so regenerating gives the same bytes. */
async function createDoc(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

async function newDoc(scanLook: boolean): Promise<{ doc: PDFDocument; d: Draw }> {
  const doc = await createDoc();
  const page = doc.addPage([612, 792]);
  if (scanLook) {
    page.drawRectangle({ x: 0, y: 0, width: 612, height: 792, color: rgb(0.92, 0.92, 0.9) });
    for (let i = 0; i < 400; i++) {
      const s = 0.4 + random() * 1.2;
      page.drawRectangle({ x: random() * 612, y: random() * 792, width: s, height: s, color: rgb(0.35, 0.35, 0.35) });
    }
  }
  return {
    doc,
    d: {
      page,
      font: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    },
  };
}

function text(d: Draw, s: string, x: number, y: number, size = 11, bold = false) {
  d.page.drawText(s, { x, y, size, font: bold ? d.bold : d.font, color: rgb(0.05, 0.05, 0.05) });
}

// --- typed label/value form -------------------------------------------------------------
const FORM_FIELDS: Fields = {
  claimant_name: "Maria Garcia-Lopez",
  policy_number: "POL-2025-521585",
  incident_date: "2025-03-14",
  incident_hour_of_the_day: 17,
  incident_city: "Columbus",
  incident_state: "OH",
  incident_type: "Multi-vehicle Collision",
  collision_type: "Rear Collision",
  incident_severity: "Minor Damage",
  authorities_contacted: "Police",
  police_report_available: "YES",
  number_of_vehicles_involved: 2,
  bodily_injuries: 0,
  witnesses: 1,
  property_damage: "NO",
  amount_claimed: 4250,
  description:
    "I was stopped at a red light on Broad Street when another vehicle struck the rear of my car. The rear bumper and trunk lid need replacement.",
};

async function labelValueForm(scanLook: boolean) {
  const { doc, d } = await newDoc(scanLook);
  text(d, "NORTHWIND MUTUAL INSURANCE", 72, 730, 15, true);
  text(d, "Automobile Claim Form", 72, 712, 12);
  const rows: Array<[string, string]> = [
    ["Claimant Name:", "Maria Garcia-Lopez"],
    ["Policy Number:", "POL-2025-521585"],
    ["Date of Loss:", "03/14/2025"],
    ["Time of Loss:", "5:30 PM"],
    ["Location of Loss:", "Columbus, OH"],
    ["Type of Loss:", "Multi-vehicle Collision"],
    ["Collision Type:", "Rear Collision"],
    ["Severity:", "Minor Damage"],
    ["Authorities Contacted:", "Police"],
    ["Police Report Available:", "Yes"],
    ["Number of Vehicles Involved:", "2"],
    ["Bodily Injuries:", "0"],
    ["Witnesses:", "1"],
    ["Property Damage:", "No"],
    ["Amount Claimed:", "$4,250.00"],
  ];
  let y = 670;
  for (const [label, value] of rows) {
    text(d, label, 72, y, 11, true);
    text(d, value, 260, y);
    y -= 22;
  }
  text(d, "Description of Loss:", 72, y - 6, 11, true);
  text(
    d,
    "I was stopped at a red light on Broad Street when another vehicle struck the rear of my car.",
    72,
    y - 24,
    10,
  );
  text(d, "The rear bumper and trunk lid need replacement.", 72, y - 38, 10);
  text(d, "Signature: ______________________", 72, 90, 10);
  return doc.save();
}

// --- boxed table ------------------------------------------------------------------------
const TABLE_FIELDS: Fields = {
  claimant_name: "Robert Lee",
  policy_number: "HOM-55-10293",
  incident_date: "2024-11-02",
  amount_claimed: 18900,
  incident_type: "Single Vehicle Collision",
  collision_type: "Front Collision",
  incident_severity: "Total Loss",
  authorities_contacted: "Fire",
  number_of_vehicles_involved: 1,
  witnesses: 0,
  incident_city: "Riverwood",
  incident_state: "NY",
};

async function boxedTable(scanLook: boolean) {
  const { doc, d } = await newDoc(scanLook);
  text(d, "CLAIM SUMMARY", 72, 730, 15, true);
  const rows: Array<[string, string, string, string]> = [
    ["Claimant", "Robert Lee", "Policy No.", "HOM-55-10293"],
    ["Date of Accident", "Nov 2, 2024", "Estimated Loss", "$ 18,900.00"],
    ["Incident Type", "Single Vehicle Collision", "Collision Type", "Front Collision"],
    ["Severity", "Total Loss", "Authorities Contacted", "Fire"],
    ["Vehicles Involved", "1", "Witnesses", "None"],
    ["Incident City", "Riverwood", "Incident State", "NY"],
  ];
  const xs = [60, 175, 320, 440, 552];
  let y = 690;
  for (const row of rows) {
    for (let c = 0; c < 4; c++) {
      d.page.drawRectangle({
        x: xs[c]!,
        y: y - 8,
        width: xs[c + 1]! - xs[c]!,
        height: 26,
        borderColor: rgb(0.2, 0.2, 0.2),
        borderWidth: 0.8,
      });
      text(d, row[c]!, xs[c]! + 5, y, 10, c % 2 === 0);
    }
    y -= 26;
  }
  return doc.save();
}

// --- narrative letter ---------------------------------------------------------------------
const LETTER_FIELDS: Fields = {
  claimant_name: "Peter Parker",
  policy_number: "HX-44120-B",
  incident_date: "2025-02-17",
  amount_claimed: 6780.5,
  collision_type: "Rear Collision",
  authorities_contacted: "Police",
  police_report_available: "YES",
  bodily_injuries: 0,
  incident_hour_of_the_day: 20,
  incident_city: "Springfield",
  incident_state: "IL",
};

async function letter(scanLook: boolean) {
  const { doc, d } = await newDoc(scanLook);
  const lines = [
    "Peter Parker",
    "20 Ingram Street, Springfield, IL 62701",
    "",
    "March 1, 2025",
    "",
    "Claims Department, Northwind Mutual",
    "",
    "Dear Claims Department,",
    "",
    "My name is Peter Parker and I hold policy number HX-44120-B. On February 17, 2025 my",
    "car was rear-ended while stopped at a light in Springfield, IL at around 8:15 pm.",
    "The police came to the scene and a police report was filed. No one was injured.",
    "",
    "The body shop estimate is attached. I am claiming $6,780.50 for the repairs",
    "and a rental car while my car is in the shop.",
    "",
    "Sincerely,",
    "",
    "Peter Parker",
  ];
  let y = 720;
  for (const l of lines) {
    if (l) text(d, l, 72, y, 11);
    y -= 17;
  }
  return doc.save();
}

// --- filled AcroForm ----------------------------------------------------------------------
const ACROFORM_FIELDS: Fields = {
  claimant_name: "Susan Hill",
  policy_number: "AUT-100200",
  incident_date: "2025-02-01",
  amount_claimed: 3250.75,
  incident_type: "Parked Car",
  incident_severity: "Minor Damage",
  description: "My parked car was hit in a supermarket parking lot while I was shopping.",
};

async function acroForm() {
  const { doc, d } = await newDoc(false);
  const form = doc.getForm();
  text(d, "FIRST NOTICE OF LOSS", 72, 730, 15, true);
  const fields: Array<[string, string, string]> = [
    ["Claimant Name", "claimant_name", "Susan Hill"],
    ["Policy Number", "policy_number", "AUT-100200"],
    ["Date of Loss", "date_of_loss", "2025-02-01"],
    ["Amount Claimed", "amount_claimed", "3,250.75"],
    ["Incident Type", "incident_type", "Parked Car"],
    ["Severity", "severity", "Minor Damage"],
    ["Description", "description", "My parked car was hit in a supermarket parking lot while I was shopping."],
  ];
  let y = 680;
  for (const [label, name, value] of fields) {
    text(d, label, 72, y + 5, 10, true);
    const f = form.createTextField(name);
    f.setText(value);
    f.addToPage(d.page, { x: 200, y, width: 340, height: 20, font: d.font });
    y -= 34;
  }
  form.updateFieldAppearances(d.font);
  return doc.save();
}

// A fillable form with the field names of the common CMS-1500 template.
const CMS_FIELDS: Fields = {
  patient_name: "Jane M Doe",
  insured_id: "W123456789",
  diagnosis_codes: "J45.909|R05.9",
  procedure_codes: "99213|94640",
  total_charge: 173.5,
};

async function cmsLikeForm() {
  const { doc, d } = await newDoc(false);
  const form = doc.getForm();
  text(d, "HEALTH INSURANCE CLAIM FORM", 72, 740, 14, true);
  const values: Record<string, string> = {
    pt_name: "DOE, JANE M",
    insurance_id: "W123456789",
    diagnosis1: "J45.909",
    diagnosis2: "R05.9",
    cpt1: "99213",
    cpt2: "94640",
    ch1: "125.00",
    ch2: "48.50",
    t_charge: "173.50",
    sv1_mm_from: "01",
    sv1_dd_from: "10",
    sv1_yy_from: "25",
    sv1_mm_end: "01",
    sv1_dd_end: "10",
    sv1_yy_end: "25",
    sv2_mm_from: "01",
    sv2_dd_from: "10",
    sv2_yy_from: "25",
    sv2_mm_end: "01",
    sv2_dd_end: "10",
    sv2_yy_end: "25",
  };
  let i = 0;
  for (const [name, value] of Object.entries(values)) {
    const f = form.createTextField(name);
    f.setText(value);
    f.addToPage(d.page, {
      x: 72 + (i % 4) * 120,
      y: 680 - Math.floor(i / 4) * 30,
      width: 110,
      height: 20,
      font: d.font,
    });
    i++;
  }
  form.updateFieldAppearances(d.font);
  return doc.save();
}

/** Renders a PDF's first page at 150 dpi in grey and returns it as a JPEG (a "scan"). */
function rasterize(pdf: Uint8Array, work: string, name: string): Buffer {
  const src = join(work, `${name}.pdf`);
  writeFileSync(src, pdf);
  execFileSync("pdftoppm", [
    "-r",
    "150",
    "-gray",
    "-jpeg",
    "-jpegopt",
    "quality=60",
    "-singlefile",
    src,
    join(work, name),
  ]);
  return readFileSync(join(work, `${name}.jpg`));
}

async function imageOnlyPdf(jpeg: Buffer): Promise<Uint8Array> {
  const doc = await createDoc();
  const image = await doc.embedJpg(jpeg);
  const page = doc.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

/** A clean 1-bit-looking grey scan stored losslessly (PNG → Flate) at 150 dpi. */
async function pngOnlyPdf(pdf: Uint8Array, work: string): Promise<Uint8Array> {
  const src = join(work, "png-src.pdf");
  writeFileSync(src, pdf);
  execFileSync("pdftoppm", ["-r", "150", "-gray", "-png", "-singlefile", src, join(work, "png-src")]);
  const doc = await createDoc();
  const image = await doc.embedPng(readFileSync(join(work, "png-src.png")));
  const page = doc.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

/** A fax-style scan: 1 bit per pixel (Flate-compressed bitmap), as many scanners produce. */
async function oneBitPdf(pdf: Uint8Array, work: string): Promise<Uint8Array> {
  const src = join(work, "mono-src.pdf");
  writeFileSync(src, pdf);
  execFileSync("pdftoppm", ["-r", "150", "-mono", "-singlefile", src, join(work, "mono-src")]);
  const pbm = readFileSync(join(work, "mono-src.pbm"));
  // P4 header: "P4\n<w> <h>\n", then packed rows with 1 = black; PDF DeviceGray wants 1 = white.
  const header = pbm.toString("latin1", 0, 40).match(/^P4\s+(?:#.*\s+)*(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("unexpected PBM header");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const bits = Uint8Array.from(pbm.subarray(header[0].length), (b) => ~b & 0xff);
  const doc = await createDoc();
  const page = doc.addPage([612, 792]);
  const image = doc.context.flateStream(bits, {
    Type: "XObject",
    Subtype: "Image",
    Width: width,
    Height: height,
    ColorSpace: "DeviceGray",
    BitsPerComponent: 1,
  });
  const ref = doc.context.register(image);
  const name = page.node.newXObject("Scan", ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(612, 0, 0, 792, 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
  return doc.save();
}

async function bomb(pages: number): Promise<Uint8Array> {
  const doc = await createDoc();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return doc.save({ useObjectStreams: true });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "claim-fixtures-"));
  const fixtures: Fixture[] = [];
  const write = (file: string, bytes: Uint8Array | Buffer) => writeFileSync(join(OUT, file), bytes);
  try {
    const typed: Array<[string, string, (scan: boolean) => Promise<Uint8Array>, Fields]> = [
      ["form", "label-value", labelValueForm, FORM_FIELDS],
      ["table", "boxed-table", boxedTable, TABLE_FIELDS],
      ["letter", "narrative", letter, LETTER_FIELDS],
    ];
    for (const [name, layout, make, fields] of typed) {
      write(`typed-${name}.pdf`, await make(false));
      fixtures.push({ file: `typed-${name}.pdf`, kind: "typed", layout, fields });
      const jpeg = rasterize(await make(true), work, name);
      write(`scanned-${name}.pdf`, await imageOnlyPdf(jpeg));
      fixtures.push({ file: `scanned-${name}.pdf`, kind: "scanned", layout, fields });
      if (name === "form") write("jpeg-renamed.pdf", jpeg);
    }
    write("acroform.pdf", await acroForm());
    fixtures.push({ file: "acroform.pdf", kind: "form", layout: "acroform", fields: ACROFORM_FIELDS });
    write("cms1500-like.pdf", await cmsLikeForm());
    fixtures.push({ file: "cms1500-like.pdf", kind: "form", layout: "cms1500", fields: CMS_FIELDS });

    const whole = readFileSync(join(OUT, "typed-form.pdf"));
    write("truncated.pdf", whole.subarray(0, Math.floor(whole.length * 0.55)));
    write("empty.pdf", new Uint8Array());
    write("encrypted.pdf", makeEncryptedPdf("secret", "owner-secret", "Claimant Name: Hidden Person"));
    write("bomb.pdf", await bomb(3000));
    // Encrypted with an owner password only: opens without a password, so it is read.
    write(
      "owner-locked.pdf",
      makeEncryptedPdf("", "owner-secret", "Claimant Name: Owner Locked   Policy Number: OL-2025-0042"),
    );
    // A typed letter followed by a scanned page, and a scan stored as a lossless (Flate) PNG.
    const mixed = await createDoc();
    for (const part of [readFileSync(join(OUT, "typed-letter.pdf")), readFileSync(join(OUT, "scanned-table.pdf"))]) {
      const src = await PDFDocument.load(part, { updateMetadata: false });
      for (const page of await mixed.copyPages(src, src.getPageIndices())) mixed.addPage(page);
    }
    write("mixed-text-and-scan.pdf", await mixed.save());
    write("scanned-png-form.pdf", await pngOnlyPdf(await labelValueForm(false), work));
    fixtures.push({ file: "scanned-png-form.pdf", kind: "scanned", layout: "label-value-png", fields: FORM_FIELDS });
    write("scanned-1bit-letter.pdf", await oneBitPdf(await letter(false), work));
    fixtures.push({
      file: "scanned-1bit-letter.pdf",
      kind: "scanned",
      layout: "narrative-1bit",
      fields: LETTER_FIELDS,
    });
    const malformed = {
      "truncated.pdf": "BROKEN_PDF",
      "jpeg-renamed.pdf": "NOT_A_PDF",
      "empty.pdf": "EMPTY_FILE",
      "encrypted.pdf": "ENCRYPTED_PDF",
      "bomb.pdf": "TOO_MANY_PAGES",
    };
    writeFileSync(join(OUT, "expected.json"), `${JSON.stringify({ fixtures, malformed }, null, 2)}\n`);
    console.log(`wrote ${fixtures.length} fixtures and ${Object.keys(malformed).length} malformed files to ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
