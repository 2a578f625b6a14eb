// Generates driver's licence images with known values: fronts in five layouts, backs with a
// real PDF417 carrying an AAMVA payload (versions 01, 03, 08, 09, 10, Canadian, a mangled
// header), each as a flat scan and as a phone photo, plus images that are not licences.
// Deterministic (seeded). Two sets:
//   test/fixtures/licences/           the set the reader was developed and tested against
//   test/fixtures/licences/held-out/  other seeds, fonts and a layout never tuned on (benchmark only)
// Run: npm run fixtures:licences      (sharp renders the SVG with the system's fonts)
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { aamvaPayload, type PayloadStyle } from "./licences/aamva-payload";
import { cardBack } from "./licences/card-back";
import { cardFront, type Fields, type FrontLayout, TUNED_LAYOUTS } from "./licences/card-front";
import { CARD_H, CARD_W, cardStyle } from "./licences/card-style";
import { int, makePerson, type Person, PLACES, pick, type Random, seeded, us } from "./licences/people";
import { photograph, type Raw } from "./licences/photo-effects";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "test", "fixtures", "licences");

const CONTRACT_KEYS = [
  "FIRST_NAME",
  "MIDDLE_NAME",
  "LAST_NAME",
  "SUFFIX",
  "ADDRESS",
  "CITY_IN_ADDRESS",
  "STATE_IN_ADDRESS",
  "ZIP_CODE_IN_ADDRESS",
  "STATE_NAME",
  "COUNTY",
  "DOCUMENT_NUMBER",
  "DATE_OF_BIRTH",
  "EXPIRATION_DATE",
  "DATE_OF_ISSUE",
  "ID_TYPE",
  "CLASS",
  "ENDORSEMENTS",
  "RESTRICTIONS",
  "VETERAN",
  "PLACE_OF_BIRTH",
  "MRZ_CODE",
];

export interface LicenceFixture {
  file: string;
  side: "front" | "back" | "none";
  /** Front layout, back payload style, or what a non-licence image shows. */
  layout: string;
  variant: "scan" | "photo";
  /** Every contract field as a perfect reader returns it ("" when the image does not carry it). */
  fields: Fields;
}

function complete(partial: Fields): Fields {
  return Object.fromEntries(CONTRACT_KEYS.map((k) => [k, partial[k] ?? ""]));
}

/** What the barcode carries, in the contract's form. */
function barcodeTruth(p: Person, style: PayloadStyle): Fields {
  const version = style === "v01" ? 1 : style === "v03" ? 3 : 8;
  return complete({
    FIRST_NAME: p.first,
    MIDDLE_NAME: p.middle,
    LAST_NAME: p.last,
    SUFFIX: version === 3 ? "" : p.suffix,
    ADDRESS: p.street,
    CITY_IN_ADDRESS: p.place.city,
    STATE_IN_ADDRESS: p.place.state,
    ZIP_CODE_IN_ADDRESS: p.zip,
    STATE_NAME: p.place.stateName,
    DOCUMENT_NUMBER: p.number,
    DATE_OF_BIRTH: us(p.dob),
    EXPIRATION_DATE: us(p.expiry),
    DATE_OF_ISSUE: us(p.issue),
    ID_TYPE: "DRIVER LICENSE BACK",
    CLASS: p.cls,
    ENDORSEMENTS: p.endorsements,
    RESTRICTIONS: p.restrictions,
    VETERAN: version >= 8 && p.veteran ? "VETERAN" : "",
  });
}

async function rasterise(svg: string): Promise<Raw> {
  const { data, info } = await sharp(Buffer.from(svg))
    .flatten({ background: "#ffffff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

const FRAMES = [
  { width: 1280, height: 960 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
];

async function encode(card: Raw, variant: "scan" | "photo", r: Random): Promise<Buffer> {
  if (variant === "scan") {
    return sharp(Buffer.from(card.data), { raw: { width: card.width, height: card.height, channels: 4 } })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 85 })
      .toBuffer();
  }
  const photo = photograph(card, r, pick(r, FRAMES));
  return sharp(Buffer.from(photo.data), { raw: { width: photo.width, height: photo.height, channels: 4 } })
    .blur(0.5 + r() * 0.8)
    .jpeg({ quality: int(r, 55, 80) })
    .toBuffer();
}

/** A car in a street: shapes and colours, no text, no barcode. */
function carSvg(r: Random): string {
  const body = pick(r, ["#b22222", "#1e3f8a", "#2f6b2f", "#d0d0d0", "#222222"]);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768">
<rect width="1024" height="420" fill="#9cc3e6"/><rect y="420" width="1024" height="348" fill="#5a5a5a"/>
<rect y="560" width="1024" height="10" fill="#e8e8e8"/>
<path d="M 170 520 L 250 400 L 650 390 L 780 470 L 880 490 L 890 580 L 150 590 Z" fill="${body}"/>
<path d="M 280 410 L 460 405 L 460 470 L 240 475 Z" fill="#cfe4f2"/><path d="M 480 405 L 630 402 L 720 470 L 480 470 Z" fill="#cfe4f2"/>
<circle cx="300" cy="590" r="62" fill="#111"/><circle cx="300" cy="590" r="28" fill="#aaa"/>
<circle cx="760" cy="590" r="62" fill="#111"/><circle cx="760" cy="590" r="28" fill="#aaa"/>
<rect x="860" y="500" width="30" height="18" fill="#ffd24a"/></svg>`;
}

async function buildSet(dir: string, heldOut: boolean): Promise<LicenceFixture[]> {
  const fixtures: LicenceFixture[] = [];
  const write = async (name: string, bytes: Buffer, f: Omit<LicenceFixture, "file">) => {
    writeFileSync(join(dir, name), bytes);
    fixtures.push({ file: name, ...f });
  };
  const layouts: FrontLayout[] = heldOut ? [...TUNED_LAYOUTS, "given-first"] : TUNED_LAYOUTS;
  const people = heldOut ? 2 : 1;
  for (const [li, layout] of layouts.entries()) {
    for (let n = 0; n < people; n++) {
      const r = seeded((heldOut ? 9000 : 100) + li * 10 + n);
      const place = heldOut ? pick(r, PLACES) : PLACES[li]!;
      const person = makePerson(r, place);
      const front = cardFront(layout, person, cardStyle(r, heldOut), r);
      const card = await rasterise(front.svg);
      for (const variant of ["scan", "photo"] as const) {
        await write(`front-${layout}-${n + 1}-${variant}.jpg`, await encode(card, variant, r), {
          side: "front",
          layout,
          variant,
          fields: complete(front.printed),
        });
      }
    }
  }
  const styles: PayloadStyle[] = ["v10", "v09", "v08", "v03", "v01", "v10-mangled-header"];
  for (const [si, style] of styles.entries()) {
    const r = seeded((heldOut ? 9500 : 500) + si);
    const place =
      style === "v09"
        ? PLACES.find((p) => p.country === "CAN")!
        : heldOut
          ? pick(
              r,
              PLACES.filter((p) => p.country === "USA"),
            )
          : PLACES[(si + 4) % 8]!;
    const person = makePerson(r, place);
    const back = await rasterise(await cardBack(person, aamvaPayload(person, style), cardStyle(r, heldOut), r));
    for (const variant of ["scan", "photo"] as const) {
      await write(`back-${style}-${variant}.jpg`, await encode(back, variant, r), {
        side: "back",
        layout: style,
        variant,
        fields: barcodeTruth(person, style),
      });
    }
  }
  if (!heldOut) {
    const r = seeded(777);
    const car = await rasterise(carSvg(r));
    await write("car-photo.jpg", await encode(car, "scan", r), {
      side: "none",
      layout: "car",
      variant: "photo",
      fields: complete({}),
    });
    // A back whose barcode is half covered (a sticker): no symbol to decode, nothing may crash.
    const person = makePerson(r, PLACES[0]!);
    const svg = (await cardBack(person, aamvaPayload(person, "v10"), cardStyle(r, false), r)).replace(
      "</svg>",
      `<rect x="0" y="260" width="${CARD_W * 0.55}" height="${CARD_H - 260}" fill="#f3e9c6"/></svg>`,
    );
    await write("back-covered-barcode.jpg", await encode(await rasterise(svg), "scan", r), {
      side: "back",
      layout: "covered",
      variant: "scan",
      fields: complete({}),
    });
    // Symbols that decode but carry no licence: a truncated AAMVA header with junk, and a web address.
    const junk = `@\n\x1e\rANSI 63601408${"DLDAQ\n".repeat(3)}${String.fromCharCode(...Array.from({ length: 120 }, () => int(r, 0, 255)))}`;
    await write(
      "back-malformed-payload.jpg",
      await encode(await rasterise(await cardBack(person, junk, cardStyle(r, false), r)), "scan", r),
      { side: "back", layout: "malformed", variant: "scan", fields: complete({}) },
    );
    await write(
      "back-not-a-licence-barcode.jpg",
      await encode(
        await rasterise(await cardBack(person, "https://example.com/boarding-pass?id=12345", cardStyle(r, false), r)),
        "scan",
        r,
      ),
      { side: "back", layout: "not-aamva", variant: "scan", fields: complete({}) },
    );
  }
  return fixtures;
}

/** Static imports for the workerd tests (binary files load through wrangler's Data rule). */
function importIndex(fixtures: LicenceFixture[], prefix = ""): string {
  const id = (f: string) => f.replace(/\.jpg$/, "").replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase());
  return [
    "// Generated by scripts/make-licence-fixtures.ts: the fixture images, which wrangler's Data rule",
    "// loads as ArrayBuffers (the ambient *.jpg type says string: that is Vite's view, not workerd's).",
    ...fixtures.map((f) => `import ${id(f.file)} from "./${prefix}${f.file}";`),
    "",
    "export const LICENCE_IMAGES = {",
    ...fixtures.map((f) => `  "${f.file}": ${id(f.file)},`),
    "} as unknown as Record<string, ArrayBuffer>;",
    "",
  ].join("\n");
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "held-out"), { recursive: true });
  const tuned = await buildSet(OUT, false);
  writeFileSync(join(OUT, "expected.json"), `${JSON.stringify({ fixtures: tuned }, null, 2)}\n`);
  writeFileSync(join(OUT, "images.ts"), importIndex(tuned));
  const heldOut = await buildSet(join(OUT, "held-out"), true);
  writeFileSync(join(OUT, "held-out", "expected.json"), `${JSON.stringify({ fixtures: heldOut }, null, 2)}\n`);
  writeFileSync(join(OUT, "held-out", "images.ts"), importIndex(heldOut));
  console.log(`${tuned.length} fixtures and ${heldOut.length} held-out images in ${OUT}`);
}

await main();
