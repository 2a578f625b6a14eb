// A known paper form read from a scan by its geometry: the page placed by the captions OCR
// found, each fill-in box read as the words inside it, and the repairs a box's fixed format
// allows. Words are made from the ACORD 2 layout itself, shifted and scaled as a copier would.
import { describe, expect, it } from "vitest";
import { acord2ValueBoxes, scannedAcord2Boxes } from "../../src/domain/documents/acord2";
import layout from "../../src/domain/documents/acord2-layout.json";
import { extractClaimFields } from "../../src/domain/documents/extract";
import {
  type FormPageLayout,
  placeScannedPage,
  readScannedBoxes,
  type ScannedWord,
} from "../../src/domain/documents/form-scan";

const PAGES = (layout as { pages: FormPageLayout[] }).pages;
const PAGE1 = PAGES[0]!;
const PAGE2 = PAGES[1]!;

interface Copy {
  scale: number;
  dx: number;
  dy: number;
}

/** The first word of every caption of a form page, where a copy puts it. */
function captionWords(page: FormPageLayout, copy: Copy, every = 1): ScannedWord[] {
  return page.labels
    .filter((_, i) => i % every === 0)
    .map((l) => {
      const str = l.text.split(/\s+/)[0]!;
      return {
        str,
        x: copy.scale * l.x + copy.dx,
        y: copy.scale * l.y + copy.dy,
        width: str.length * l.size * 0.55 * copy.scale,
        height: l.size * 0.75 * copy.scale,
        confidence: 0.9,
      };
    });
}

/** A value typed into a widget of the form, as a copy shows it. */
function valueWords(page: FormPageLayout, name: string, value: string, copy: Copy, confidence = 0.95): ScannedWord[] {
  const rect = page.widgets.find((w) => w.name === name)!.rect;
  let x = rect[0]! + 2;
  return value.split(" ").map((str) => {
    const word = {
      str,
      x: copy.scale * x + copy.dx,
      y: copy.scale * (rect[1]! + 3) + copy.dy,
      width: str.length * 5 * copy.scale,
      height: 7 * copy.scale,
      confidence,
    };
    x += str.length * 5 + 3;
    return word;
  });
}

describe("placing a scanned page against the form", () => {
  it.each([
    ["as printed", { scale: 1, dx: 0, dy: 0 }],
    ["shifted a quarter inch", { scale: 1, dx: -17.5, dy: 12.3 }],
    ["fitted to the page (97%)", { scale: 0.97, dx: 9, dy: 11 }],
    ["enlarged (103%)", { scale: 1.03, dx: -12, dy: -20 }],
  ])("%s", (_, copy) => {
    const words = captionWords(PAGE1, copy);
    const placement = placeScannedPage(words, PAGE1)!;
    expect(placement.scale).toBeCloseTo(copy.scale, 3);
    expect(placement.dx).toBeCloseTo(copy.dx, 0);
    expect(placement.dy).toBeCloseTo(copy.dy, 0);
    expect(placement.anchors).toBeGreaterThanOrEqual(20);
  });

  it("a page that reads badly still places by the captions it has, despite stray words", () => {
    const copy = { scale: 1, dx: 6, dy: -4 };
    const noise = captionWords(PAGE1, { scale: 1, dx: 180, dy: -250 }, 5);
    const placement = placeScannedPage([...captionWords(PAGE1, copy, 3), ...noise], PAGE1)!;
    expect(placement.dx).toBeCloseTo(6, 0);
    expect(placement.dy).toBeCloseTo(-4, 0);
  });

  it.each([
    ["no words", []],
    ["another document's few captions", captionWords(PAGE1, { scale: 1, dx: 0, dy: 0 }, 12)],
    [
      "the same words scattered",
      captionWords(PAGE1, { scale: 1, dx: 0, dy: 0 }).map((w, i) => ({ ...w, x: (i * 97) % 560, y: (i * 331) % 760 })),
    ],
  ])("%s: not this form", (_, words) => {
    expect(placeScannedPage(words as ScannedWord[], PAGE1)).toBeUndefined();
  });

  describe("a fax-like copy: the small captions unreadable, the title read", () => {
    const copy = { scale: 1, dx: -25, dy: 17 };
    const all = captionWords(PAGE1, copy);
    // The title's three words, where the copy puts them.
    const titleLabel = PAGE1.labels.find((l) => l.size >= 12)!;
    const title = ["AUTOMOBILE", "LOSS", "NOTICE"].map((str, i) => ({
      str,
      x: titleLabel.x + copy.dx + [0, 95, 135][i]!,
      y: titleLabel.y + copy.dy,
      width: str.length * 8,
      height: 10,
      confidence: 0.95,
    }));
    // A few captions read, spread down the page; one misread by a slip or two, one cut by the copy's edge.
    const few = (["CARRIER", "DATE", "CONTACT", "LOSS"] as const).map((c) => all.find((w) => w.str === c)!);
    const misread = few.map((w) => (w.str === "DATE" ? { ...w, str: "TATE" } : w));
    const insured = all.find((w) => w.str === "INSURED" && w.height > 6)!;
    const cut = { ...insured, str: "NSURED", x: 0 };

    it("is placed by the title and the captions that agree with it", () => {
      const placement = placeScannedPage([...title, ...misread, cut], PAGE1)!;
      // Within the slack a box is read with.
      expect(Math.abs(placement.dx - copy.dx)).toBeLessThan(1.5);
      expect(Math.abs(placement.dy - copy.dy)).toBeLessThan(1.5);
      expect(placement.anchors).toBeLessThan(20);
    });

    it.each([
      ["without the title", [...few, cut]],
      ["the title alone", title],
      ["its first word alone, as a letter's", [title[0]!, ...misread, cut]],
      ["the title and captions too few", [...title, ...few.slice(0, 2)]],
      [
        "the title and captions in no form's places",
        [...title, ...few.map((w, i) => ({ ...w, x: w.x + 40 * (i + 1) }))],
      ],
      ["the title and captions all on a few lines", [...title, ...all.filter((w) => w.y > 680).slice(0, 6)]],
    ])("%s: not placed", (_, words) => {
      expect(placeScannedPage(words as ScannedWord[], PAGE1)).toBeUndefined();
    });
  });

  it("a long caption read with one slip still votes", () => {
    const copy = { scale: 1, dx: 4, dy: -3 };
    const words = captionWords(PAGE1, copy, 1).map((w) =>
      w.str.length >= 6 ? { ...w, str: `${w.str.slice(0, -1)}F` } : w,
    );
    const exactOnly = captionWords(PAGE1, copy, 1).filter((w) => w.str.length < 6);
    expect(placeScannedPage(words, PAGE1)!.anchors).toBeGreaterThan(exactOnly.length);
  });

  it("the form's second page is told from its first", () => {
    const words = captionWords(PAGE2, { scale: 1, dx: -3, dy: 5 });
    const page1 = placeScannedPage(words, PAGE1);
    const page2 = placeScannedPage(words, PAGE2)!;
    expect(page2.anchors).toBeGreaterThan(page1?.anchors ?? 0);
  });
});

describe("reading the boxes", () => {
  const copy = { scale: 0.98, dx: -14, dy: 9 };
  const page = [
    ...captionWords(PAGE1, copy),
    ...valueWords(PAGE1, "Text7", "|AUT-2023-496558", copy),
    ...valueWords(PAGE1, "NAME OF INSURED First Middle Last", "Chloe Johnson", copy, 0.62).map((w) => ({
      ...w,
      x: w.x + 4,
    })),
    // The box's left side, read as a letter.
    { str: "I", x: copy.scale * 19 + copy.dx, y: copy.scale * 579 + copy.dy, width: 1.5, height: 7, confidence: 0.5 },
    ...valueWords(PAGE1, "Text3", "03/1572024", copy),
    ...valueWords(PAGE1, "Text45", "$14,805 99", copy),
  ];

  it("each box's words, its edge left on the copy dropped, with the least sure word's confidence", () => {
    const placement = placeScannedPage(page, PAGE1)!;
    const boxes = Object.fromEntries(readScannedBoxes(page, PAGE1, placement, 1).map((b) => [b.name, b]));
    expect(boxes.Text7).toMatchObject({ value: "AUT-2023-496558", page: 1 });
    expect(boxes["NAME OF INSURED First Middle Last"]).toMatchObject({ value: "Chloe Johnson", ocrConfidence: 0.62 });
    // Captions are never a box's value.
    expect(Object.values(boxes).map((b) => b.value)).not.toContain("POLICY");
  });

  it.each(["I", "i", "l", "!", "|", "]"])("the box's left side read as %j is left out of its value", (side) => {
    const policy = PAGE1.widgets.find((w) => w.name === "Text7")!.rect;
    const edge = {
      str: side,
      x: copy.scale * policy[0]! + copy.dx - 0.5,
      y: copy.scale * (policy[1]! + 3) + copy.dy,
      width: 1.5,
      height: 7,
      confidence: 0.4,
    };
    const words = [...captionWords(PAGE1, copy), edge, ...valueWords(PAGE1, "Text7", "UP-AUTO-2022-750631", copy)];
    const boxes = readScannedBoxes(words, PAGE1, placeScannedPage(words, PAGE1)!, 1);
    expect(boxes.find((b) => b.name === "Text7")).toMatchObject({ value: "UP-AUTO-2022-750631", ocrConfidence: 0.95 });
  });

  it("a word read taller than its neighbours, its baseline a few points lower, stays on their line", () => {
    const [pa, year, serial] = valueWords(PAGE1, "Text7", "PA 2022 863437", copy);
    const tall = { ...serial!, y: serial!.y - 3.4, height: serial!.height * 2.1 };
    const all = [...captionWords(PAGE1, copy), pa!, year!, tall];
    const boxes = readScannedBoxes(all, PAGE1, placeScannedPage(all, PAGE1)!, 1);
    expect(boxes.find((b) => b.name === "Text7")?.value).toBe("PA 2022 863437");
  });

  it("a box read twice gives both readings, unless the page's lost the first characters the box's has", () => {
    const estimate = (value: string, reread: boolean, confidence: number) =>
      valueWords(PAGE1, "Text45", value, copy, confidence).map((w) => ({ ...w, reread }));
    const read = (words: ScannedWord[]) => {
      const all = [...captionWords(PAGE1, copy), ...words];
      return readScannedBoxes(all, PAGE1, placeScannedPage(all, PAGE1)!, 1)
        .filter((b) => b.name === "Text45")
        .map((b) => [b.reading, b.value]);
    };
    expect(read([...estimate("$1,250.76", false, 0.9), ...estimate("$1,250.16", true, 0.6)])).toEqual([
      ["page", "$1,250.76"],
      ["box", "$1,250.16"],
    ]);
    expect(read([...estimate("250.76", false, 0.92), ...estimate("$1,250.76", true, 0.37)])).toEqual([
      ["box", "$1,250.76"],
    ]);
    // All the box's reading has more is a thin stroke: the box's side, which its crop took in.
    expect(read([...estimate("$1,250.76", false, 0.92), ...estimate("1$1,250.76", true, 0.2)])).toEqual([
      ["page", "$1,250.76"],
      ["box", "1$1,250.76"],
    ]);
  });

  it("the insured's value boxes are where the copy put them, a little inside top and bottom", () => {
    const [box] = acord2ValueBoxes(page).filter(([x1]) => x1 > 250 && x1 < 320);
    const policy = PAGE1.widgets.find((w) => w.name === "Text7")!.rect;
    expect(box![0]).toBeCloseTo(copy.scale * policy[0]! + copy.dx - 4, 0);
    expect(box![3]).toBeLessThan(copy.scale * policy[3]! + copy.dy);
    expect(acord2ValueBoxes(captionWords(PAGE2, copy))).toEqual([]);
  });

  it("a scanned ACORD 2 gives the insured's fields from its boxes, month first, with the box's format repaired", () => {
    const other = valueWords(PAGE2, "POLICY NUMBER_2", "CAR-2023-694539", copy);
    const extraction = extractClaimFields({
      today: "2026-11-28",
      pages: [
        // The page's text says nothing useful: a day-first date elsewhere must not turn 03/15 around.
        { number: 1, text: "Date 25/12/2023", source: "ocr", ocrConfidence: 0.8, scannedWords: page },
        {
          number: 2,
          text: "",
          source: "ocr",
          ocrConfidence: 0.8,
          scannedWords: [...captionWords(PAGE2, copy), ...other],
        },
      ],
    });
    expect(extraction.form).toMatch(/^ACORD 2/);
    expect(extraction.extracted_data).toMatchObject({
      policy_number: "AUT-2023-496558",
      claimant_name: "Chloe Johnson",
      incident_date: "2024-03-15",
      amount_claimed: 14805.99,
    });
    // The name OCR was unsure of goes to review; the other party's policy is never the insured's.
    expect(extraction.needs_review).toContain("claimant_name");
    expect(extraction.fields.policy_number).toMatchObject({ method: "form-box", ocr: true, source: "layout" });
  });

  it("an insured's name cut by the copy's edge is completed by the same name in another box, or sent to review", () => {
    const cutCopy = { scale: 1, dx: -19, dy: 4 };
    const read = (
      insured: string,
      contact: string,
      reportedBy: string,
      sureness = { contact: 0.95, reportedBy: 0.95 },
    ) =>
      extractClaimFields({
        today: "2026-11-28",
        pages: [
          {
            number: 1,
            text: "",
            source: "ocr",
            ocrConfidence: 0.8,
            scannedWords: [
              ...captionWords(PAGE1, cutCopy),
              ...valueWords(PAGE1, "NAME OF INSURED First Middle Last", insured, cutCopy),
              ...valueWords(PAGE1, "NAME OF CONTACT First Middle Last", contact, cutCopy, sureness.contact),
            ],
          },
          {
            number: 2,
            text: "",
            source: "ocr",
            ocrConfidence: 0.8,
            scannedWords: [
              ...captionWords(PAGE2, cutCopy),
              ...valueWords(PAGE2, "REPORTED BY", reportedBy, cutCopy, sureness.reportedBy),
            ],
          },
        ],
      });
    const completed = read("roshi Lewis", "iroshi Lewis", "Hiroshi Lewis");
    expect(completed.fields.claimant_name).toMatchObject({ value: "Hiroshi Lewis", method: "form-box", page: 2 });
    expect(completed.needs_review ?? []).not.toContain("claimant_name");
    // Only one box has the first name, whole words the cut reading lacks: shown, for review.
    const byWords = read("Louise Johnson", "Anya Louise Johnson", "ya Louise Johnson");
    expect(byWords.extracted_data.claimant_name).toBe("Anya Louise Johnson");
    expect(byWords.needs_review).toContain("claimant_name");
    // No box has the rest: the cut reading is what there is, for review.
    const cut = read("Louise Johnson", "a Louise Johnson", "ya Louise Johnson");
    expect(cut.extracted_data.claimant_name).toBe("Louise Johnson");
    expect(cut.needs_review).toContain("claimant_name");
    // Two boxes read more of it, a letter apart: the one OCR was surer of.
    const surer = read("5 Wright", "Vei Wright", "Wei Wright", { contact: 0.93, reportedBy: 0.96 });
    expect(surer.extracted_data.claimant_name).toBe("Wei Wright");
    expect(surer.needs_review).toContain("claimant_name");
    // A whole reading stands, whatever the other boxes say.
    const whole = read("Chloe Johnson", "Sarah Kim", "Sarah Kim");
    expect(whole.extracted_data.claimant_name).toBe("Chloe Johnson");
    expect(whole.needs_review ?? []).not.toContain("claimant_name");
  });

  describe("a second page that reads badly, after a first page placed as the form's", () => {
    const copy = { scale: 0.98, dx: -14, dy: 9 };
    // A dozen of the second page's captions read: too few for a page on its own.
    const fewCaptions = captionWords(PAGE2, copy, 4).slice(0, 12);
    const reportedBy = valueWords(PAGE2, "REPORTED BY", "Patrick Ramirez", copy);
    const boxesOf = (pages: ScannedWord[][]) =>
      scannedAcord2Boxes(pages.map((scannedWords, i) => ({ number: i + 1, scannedWords })))
        .filter((b) => b.page === 2)
        .map((b) => [b.name, b.value]);

    it("is placed as the form's second page on the captions it has", () => {
      expect(placeScannedPage(fewCaptions, PAGE2)).toBeUndefined();
      expect(boxesOf([page, [...fewCaptions, ...reportedBy]])).toEqual([["REPORTED BY", "Patrick Ramirez"]]);
    });

    it.each([
      ["alone", [[...fewCaptions, ...reportedBy]]],
      ["after a page that is not the form", [captionWords(PAGE1, copy, 12), [...fewCaptions, ...reportedBy]]],
      [
        "copied at another scale than the first page",
        [page, [...captionWords(PAGE2, { scale: 1.06, dx: -30, dy: -10 }, 4).slice(0, 12), ...reportedBy]],
      ],
    ])("not when it is %s", (_, pages) => {
      expect(boxesOf(pages as ScannedWord[][])).toEqual([]);
    });
  });

  it("a scan that is not the form has no boxes", () => {
    expect(scannedAcord2Boxes([{ number: 1, scannedWords: valueWords(PAGE1, "Text7", "AUT-1", copy) }])).toEqual([]);
  });
});
