// What photocopied claim pages need from the extractor: OCR repairs only where a policy
// number's shape needs them, captions OCR mangles, and values OCR hesitated on sent to review.
import { describe, expect, it } from "vitest";
import { extractClaimFields } from "../../src/domain/documents";
import { labelCandidates } from "../../src/domain/documents/label-candidates";
import { matchLabel, splitCellsAtLabels } from "../../src/domain/documents/label-match";
import { toLines, valueConfidence } from "../../src/domain/documents/layout";
import { narrativeCandidates } from "../../src/domain/documents/narrative";
import { parsePolicyNumber } from "../../src/domain/documents/policy-number";
import { parseAmount, parseName, readAlike } from "../../src/domain/documents/values";

describe("policy numbers read by OCR", () => {
  it.each([
    ["H0M809292-27", "HOM809292-27"],
    ["POL-2O25-521585", "POL-2025-521585"],
    ["HX-44120-B", "HX-44120-B"],
    ["244-5904-MZ", "244-5904-MZ"],
    ["SIB806777-03", "SIB806777-03"],
    ["AUT-2019-4630l0", "AUT-2019-463010"],
    ["I 609-6896-GL", "609-6896-GL"],
    ["[ AB-1234567", "AB-1234567"],
    ["AUT 4471 2093", "AUT 4471 2093"],
    ["S76424609", "S76424609"],
    ["B1234567", "B1234567"],
    // A capital between digits stays: the scan's glyph shapes already told it from a digit.
    ["AU7883O465", "AU7883O465"],
    ["PAP2725S784", "PAP2725S784"],
    // A dot leader's remnant: a tilde by a dash, or for one.
    ["AO-AUTO~-2021-609993", "AO-AUTO-2021-609993"],
    ["CAR~2021-116116", "CAR-2021-116116"],
  ])("%s → %s", (raw, want) => {
    expect(parsePolicyNumber(raw, { ocr: true })?.value).toBe(want);
  });

  it.each([
    ["210814652-34", true],
    ["123004294", false],
    ["3238798863", false],
    ["POL-2025-521585", false],
    ["S76424609", true],
    ["ZO6092501I", true],
    ["576424609", false],
    ["I23004294", true],
  ])("a scanned %s opening with digits OCR makes of letters (ZIO, I2) is less sure: %s", (raw, unsure) => {
    const read = parsePolicyNumber(raw, { ocr: true })!;
    expect(read.value).toBe(raw);
    expect(read.certainty < 0.8).toBe(unsure);
  });

  it.each([["HOM809292-27"], ["HX-44120-B"], ["ZIO570108-82"]])("a text layer's %s is taken as written", (raw) => {
    expect(parsePolicyNumber(raw)?.value).toBe(raw);
  });
});

describe("names, and captions OCR garbled into name-like words", () => {
  it.each([
    ["Olivia Cox", "Olivia Cox"],
    ["Thomas Marie van der Berg", "Thomas Marie van der Berg"],
    ["Sean McDonald", "Sean McDonald"],
    ["Priya Abernathy-Cole", "Priya Abernathy-Cole"],
    ["Aoife O'Neil", "Aoife O'Neil"],
    ["MORRIS, Maria", "Maria MORRIS"],
    ["LUCIA MORGAN", "Lucia Morgan"],
    ["Sanchez,. Ingrid", "Ingrid Sanchez"],
    ["Frat the. Las", undefined],
    ["wsumED'sMao ADORESS", undefined],
    ["CONTACT'S MAR ING ADORE", undefined],
  ])("%s → %s", (raw, want) => {
    expect(parseName(raw)?.value).toBe(want);
  });
});

describe("amounts that dot leaders ran into", () => {
  it.each([
    ["$23648..3L", 23648.31],
    ["$2,085.4L....", 2085.41],
    ["$250..00.", 250],
    ["$1,227.13", 1227.13],
    // An engine's size is not money: its L stays a letter.
    ["5.5L engine", 5.5],
  ])("%s reads %d from OCR", (text, want) => {
    expect(parseAmount(text, { ocr: true })?.value).toBe(want);
  });

  it("a text layer's amount is taken as written", () => {
    expect(parseAmount("$23648.3L")?.value).toBe(23648.3);
  });
});

describe("captions as OCR returns them", () => {
  it.each([
    ["NAME OF INSURED (First, Middle, Last", "claimant_name", ""],
    ["NAME OF INSURED (First, Middle, Last)", "claimant_name", ""],
    ["Policy #", "policy_number", ""],
    ["Policyhoider Name", "claimant_name", ""],
    ["lnsured Name", "claimant_name", ""],
    ["ustomer:      Sofia Mitchell", "claimant_name", "Sofia Mitchell"],
    ["sustomer:        MARIA WATSON", "claimant_name", "MARIA WATSON"],
    // Letters misread, lost or added: one in a long caption, two in a caption of 12 letters or more.
    ["HAME OF INSURED", "claimant_name", ""],
    ["Estmated Loss", "amount_claimed", ""],
    ["Poscy Number      CAR-2021-878244", "policy_number", "CAR-2021-878244"],
    ["Pobcyholder Name", "claimant_name", ""],
    ["Potcy Effective", null, ""],
    // Not the short caption it opens with ("Date") and a word after it.
    ["Date Regorted", null, ""],
  ])("%j is the caption of %s", (text, field, rest) => {
    const m = matchLabel(text);
    expect(m?.entry.field).toBe(field);
    expect(m?.rest).toBe(rest);
  });

  it.each([
    ["ustomer Sofia Mitchell", "no colon after it"],
    ["sustom: 12", "too short to know"],
    ["Accustomer: yes", "more than one letter before it"],
    ["Dote of Lass", "two slips in a caption of fewer than 12 letters"],
    ["Estmated Loss of use", "more words after it"],
    ["Xstmated Loss", "its first letter misread and another lost"],
  ])("%j is not a clipped caption (%s)", (text) => {
    expect(matchLabel(text)?.entry.field ?? null).toBeNull();
  });

  it("a caption ending in '#' is not the start of the next cell's caption", () => {
    const lines = toLines(
      [
        "  Claim Number              Policy #               Effective Date",
        "  CLM-16-879195             Y62131793              2026-06-08",
      ].join("\n"),
    );
    lines.forEach(splitCellsAtLabels);
    const policy = labelCandidates(lines, {}).filter((c) => c.field === "policy_number");
    expect(policy.map((c) => c.value)).toEqual(["Y62131793"]);
  });

  it.each(['"Excess Deductible', "EXCESS DEDUCTIBLE", "Excess"])(
    "the amount under %s is the deductible, to check the claimed amount against",
    (caption) => {
      const lines = toLines(
        [
          `   Date of this Report                Total Claimed                      ${caption}`,
          "    26 August 2026                     $1,227.13                          $ 1,000",
        ].join("\n"),
      );
      lines.forEach(splitCellsAtLabels);
      const amounts = labelCandidates(lines, {}).filter((c) => /amount_claimed|_deductible/.test(c.field));
      expect(amounts.map((c) => [c.field, c.value])).toEqual([
        ["amount_claimed", 1227.13],
        ["_deductible", 1000],
      ]);
    },
  );
});

describe("values under their captions on a scan", () => {
  const read = (text: string) =>
    extractClaimFields({ pages: [{ text, source: "ocr", ocrConfidence: 0.9 }] }).extracted_data;

  it.each([
    [
      "a box edge read before the caption and the value, and the caption's hint misread",
      [
        "I NAME OF INSURED Frat the. Las          INSUREDS MAILING ADDRESS",
        "{Olivia Cox                              16604 Lakeshore Blvd",
      ],
      { claimant_name: "Olivia Cox" },
    ],
    [
      "a neighbouring column's line between a caption and its value",
      [
        "  Harbor Point Insurance                     Policy Number",
        "                        03-27-2024",
        "  Claim Number                               7331514251",
        "  Insured Name",
        "                        'Address",
        "  Elena Campbell                             IPhone",
      ],
      { policy_number: "7331514251", claimant_name: "Elena Campbell" },
    ],
  ])("%s", (_case, lines, want) => {
    expect(read(lines.join("\n"))).toMatchObject(want);
  });

  it.each([
    ["a speck read as a quote before the heading", "   'Other Vehicle  Driver"],
    ["a row of captions under the heading", "  Other Vehicle Driver"],
  ])("the other party's policy number is not the insured's: %s", (_case, heading) => {
    const lines = [
      "  NAME OF CLAIMANT",
      "  DMITRI COLLINS",
      "",
      heading,
      "  OWNER'S NAME                INSURANCE COMPANY",
      "  PATRICIA ADAMS              Harbor Point Insurance",
      "  POLICY NO.                  DAMAGE ESTIMATE",
      "  9544243621                  USD 34,266.50",
    ];
    const got = read(lines.join("\n"));
    expect(got.claimant_name).toBe("Dmitri Collins");
    expect(got.policy_number).toBeUndefined();
    expect(got.amount_claimed).toBeUndefined();
  });

  it.each([
    ["REPORTEDON", "7/26/26"],
    ["REPORTED ON", "7/26/26"],
    ["DATEOFBIRTH", "12/19/72"],
    ["POLICYPERIOD", "2/26/26"],
  ])("a date under %s, its caption's words glued by OCR, is not read as the date of loss", (caption, date) => {
    const text = [
      "       About the incident",
      `       TOTAL CLAIMED                                                             ${caption}`,
      `        $7,000.00                                                                 ${date}`,
    ].join("\n");
    const dates = narrativeCandidates(text, { ocr: true, dayFirst: false }).filter((c) => c.field === "incident_date");
    expect(dates).toEqual([]);
  });

  it("a text layer's caption is not paired with a value two lines down", () => {
    const lines = ["  Policy Number", "                        03-27-2024", "  Claim Number     7331514251"];
    const got = extractClaimFields({ pages: [{ text: lines.join("\n"), source: "text-layer" }] }).extracted_data;
    expect(got.policy_number).toBeUndefined();
  });
});

describe("confidence of OCR'd values", () => {
  const ocrPage = (text: string, words: Array<Array<{ col: number; end: number; confidence: number }>>) => ({
    text,
    source: "ocr" as const,
    ocrConfidence: 0.9,
    lineConfidence: words.map((w) => Math.min(...w.map((x) => x.confidence))),
    lineWords: words,
  });
  const line1 = "Policy Number:   PAP0202S467";
  const spans = (valueConfidence: number) => [
    [
      { col: 0, end: 6, confidence: 0.96 },
      { col: 7, end: 14, confidence: 0.95 },
      { col: 17, end: 28, confidence: valueConfidence },
    ],
  ];

  it("is that of the words holding the value, not the line's other words", () => {
    const [line] = toLines(line1, 1, "ocr");
    line!.words = spans(0.66)[0];
    expect(valueConfidence(line!, "PAP0202S467")).toBe(0.66);
    expect(valueConfidence(line!, "Policy Number:")).toBe(0.95);
  });

  it.each([
    [0.96, false],
    [0.9, false],
    [0.66, true],
    [0.4, true],
  ])("a policy number OCR read with word confidence %d is sent to review: %s", (confidence, review) => {
    const r = extractClaimFields({ pages: [ocrPage(line1, spans(confidence))] });
    expect(r.extracted_data.policy_number).toBe("PAP0202S467");
    expect((r.needs_review ?? []).includes("policy_number")).toBe(review);
  });

  it("the same value from a text layer is trusted as written", () => {
    const r = extractClaimFields({ pages: [{ text: line1, source: "text-layer" }] });
    expect(r.needs_review ?? []).not.toContain("policy_number");
  });
});

describe("a letter read by OCR", () => {
  const letter = (from: string, closing: string) =>
    [
      `From:       ${from}`,
      "Sent:       Thu, 23 May 2024 10:00",
      "Subject:    Claim policy OH93482747",
      "Hi,",
      "Please accept this letter as notice of a loss that occurred on May 10th, 2024.",
      "My policy number is OH9348Z747. The repair estimate came to $5,315.49 and I am claiming that amount.",
      "",
      closing,
      "",
      "Priya James Ward",
    ].join("\n");
  const read = (text: string) => extractClaimFields({ pages: [{ text, source: "ocr", ocrConfidence: 0.92 }] });

  it.each([
    ["OH9348Z747", "OH93482747", true],
    ["ZIO814652-34", "210814652-34", true],
    ["L98983193", "198983193", true],
    ["AU4095Z627", "AU4095Z627", false],
    ["AB-1234", "AB-1235", false],
    ["AB-1234", "AB-12345", false],
  ])("%s and %s are readings OCR could confuse: %s", (a, b, alike) => {
    expect(readAlike(a, b)).toBe(alike);
  });

  it("two readings of the policy number that differ where OCR confuses letters and digits go to review", () => {
    const r = read(letter("Priya James Ward <priya.ward@example.com>", "Kind regards,"));
    expect(r.needs_review).toContain("policy_number");
  });

  it.each([
    [
      "an address without its @ and a garbled closing",
      "Priya James Ward <priya.waiugesample.com>",
      "Kind ioyaimalluo,",
    ],
    ["an address without its @ and a closing read right", "Priya James Ward <priya.waiugesample.com>", "Kind regards,"],
  ])("the sender named again in the signature is the claimant: %s", (_case, from, closing) => {
    const r = read(letter(from, closing));
    expect(r.extracted_data.claimant_name).toBe("Priya James Ward");
    expect(r.needs_review ?? []).not.toContain("claimant_name");
  });

  it("a garbled closing alone names the claimant for review only", () => {
    const r = read(letter("claims desk", "Kind ioyaimalluo,"));
    expect(r.extracted_data.claimant_name).toBe("Priya James Ward");
    expect(r.needs_review).toContain("claimant_name");
  });

  it("a greeting before the letter's first sentence is not a closing", () => {
    const r = read("Hi,\nPlease accept this notice.\n\nThe car was hit on May 10th, 2024.");
    expect(r.extracted_data.claimant_name).toBeUndefined();
  });
});

describe("ordinal days, hours and a signature in a letter read by OCR", () => {
  const letter = (day: string, signature: string) => `      Carlos Yamamoto
      5634 Elm Avenue
      Columbus, OH 43215

      May 11th, 2024

      Dear Sir or Madam,

      On May ${day}, 2024 I was involved in an accident and would like to file a claim. My 2022 Kia Soul was stolen
      from the driveway at 5634 Elm Avenue overnight.

      My policy number is TY8611088K. I am claiming $525.01 for the repairs.

      Sincerely,

      ${signature}`;
  const read = (text: string) =>
    extractClaimFields({ pages: [{ text, source: "ocr", ocrConfidence: 0.8 }], today: "2026-11-28" });

  it.each(["1st", "2nd", "3rd", "5th", "8th"])("keeps an ordinal day (%s) a day, not a word", (day) => {
    expect(read(letter(day, "Carlos Yamamoto")).extracted_data.incident_date).toBe(`2024-05-0${day[0]}`);
  });

  it("keeps an hour written with am or pm an hour", () => {
    const r = read(letter("5th", "Carlos Yamamoto").replace("I was involved", "at about 5pm I was involved"));
    expect(r.extracted_data.incident_hour_of_the_day).toBe(17);
  });

  it("reads an l OCR made an exclamation mark of in the signature", () => {
    expect(read(letter("5th", "Wei Campbel!")).extracted_data.claimant_name).toBe("Wei Campbell");
  });

  it.each([
    ["the signature and the name atop the address agree", "Carlos Hernandez", "Carlos Hernandez", false],
    ["the signature ran r and n together", "Carlos Hernandez", "Carlos Hemandez", true],
    ["the name atop the address ran r and n together", "Carlos Hemandez", "Carlos Hernandez", false],
  ])("%s: the name as spelled, for review when the signature is the one misread", (_case, atop, signature, review) => {
    const r = read(letter("5th", signature).replace("Carlos Yamamoto\n", `${atop}\n`));
    expect(r.extracted_data.claimant_name).toBe("Carlos Hernandez");
    expect(r.needs_review?.includes("claimant_name") ?? false).toBe(review);
  });

  it("a name atop an address alone names no one: a repair shop's estimate starts so", () => {
    const estimate =
      "Precision Collision Center\n8095 Industrial Way\nRichmond, VA 23219\n\nEstimate date: 23 December 2023";
    expect(read(estimate).extracted_data.claimant_name).toBeUndefined();
  });
});
