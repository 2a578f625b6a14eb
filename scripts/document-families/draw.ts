// Drawing claim documents with pdf-lib: fonts (standard or embedded system fonts), text,
// boxes and wrapped paragraphs, on US Letter pages with fixed metadata dates.

import { readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { Random } from "./random";
import { FONT_FILES, type Split } from "./variations";

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  name: string;
}

export interface Sheet {
  doc: PDFDocument;
  fonts: Fonts;
}

const FIXED_DATE = new Date("2025-01-01T00:00:00Z");
const STANDARD: Record<string, [StandardFonts, StandardFonts]> = {
  Helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  Times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  Courier: [StandardFonts.Courier, StandardFonts.CourierBold],
};

export async function newSheet(rng: Random, split: Split): Promise<Sheet> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer("claimsedge document families");
  doc.setCreator("claimsedge document families");
  const choice = rng.pick(FONT_FILES[split]);
  if (typeof choice === "string") {
    const [regular, bold] = STANDARD[choice]!;
    return { doc, fonts: { regular: await doc.embedFont(regular), bold: await doc.embedFont(bold), name: choice } };
  }
  doc.registerFontkit(fontkit);
  return {
    doc,
    fonts: {
      // pdf-lib's subsets of OpenType (CFF) fonts are broken: embed them whole.
      regular: await doc.embedFont(readFileSync(choice.regular), { subset: choice.regular.endsWith(".ttf") }),
      bold: await doc.embedFont(readFileSync(choice.bold), { subset: choice.bold.endsWith(".ttf") }),
      name: choice.regular
        .split("/")
        .pop()!
        .replace(/\.\w+$/, ""),
    },
  };
}

export const addPage = (sheet: Sheet): PDFPage => sheet.doc.addPage([612, 792]);

const INK = rgb(0.05, 0.05, 0.08);

export function text(page: PDFPage, s: string, x: number, y: number, size: number, font: PDFFont): void {
  page.drawText(s, { x, y, size, font, color: INK });
}

export function box(page: PDFPage, x: number, y: number, width: number, height: number, shade?: number): void {
  page.drawRectangle({
    x,
    y,
    width,
    height,
    borderColor: rgb(0.25, 0.25, 0.25),
    borderWidth: 0.7,
    ...(shade !== undefined ? { color: rgb(shade, shade, shade) } : {}),
  });
}

export function rule(page: PDFPage, x1: number, y: number, x2: number): void {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });
}

/** Words of `s` broken into lines no wider than `width`. */
export function wrap(s: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws a paragraph from the top line down; returns the y below it. */
export function paragraph(
  page: PDFPage,
  s: string,
  x: number,
  y: number,
  width: number,
  size: number,
  font: PDFFont,
  leading = 1.35,
): number {
  for (const line of wrap(s, font, size, width)) {
    text(page, line, x, y, size, font);
    y -= size * leading;
  }
  return y;
}

export const save = (sheet: Sheet) => sheet.doc.save();
