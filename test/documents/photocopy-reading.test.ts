// What photocopied claim pages need from the extractor: OCR repairs only where a policy
// number's shape needs them, captions OCR mangles, and values OCR hesitated on sent to review.
import { describe, expect, it } from "vitest";
import { extractClaimFields } from "../../src/domain/documents";
import { labelCandidates } from "../../src/domain/documents/label-candidates";
import { matchLabel, splitCellsAtLabels } from "../../src/domain/documents/label-match";
import { toLines, valueConfidence } from "../../src/domain/documents/layout";
import { parsePolicyNumber } from "../../src/domain/documents/policy-number";

describe("policy numbers read by OCR", () => {
  it.each([
    ["H0M809292-27", "HOM809292-27"],
    ["POL-2O25-521585", "POL-2025-521585"],
    ["HX-44120-B", "HX-44120-B"],
    ["244-5904-MZ", "244-5904-MZ"],
    ["SIB806777-03", "SIB806777-03"],
    ["AUT-2019-4630l0", "AUT-2019-463010"],
  ])("%s → %s", (raw, want) => {
    expect(parsePolicyNumber(raw, { ocr: true })?.value).toBe(want);
  });

  it.each([["HOM809292-27"], ["HX-44120-B"], ["ZIO570108-82"]])("a text layer's %s is taken as written", (raw) => {
    expect(parsePolicyNumber(raw)?.value).toBe(raw);
  });
});

describe("captions as OCR returns them", () => {
  it.each([
    ["NAME OF INSURED (First, Middle, Last", "claimant_name", ""],
    ["NAME OF INSURED (First, Middle, Last)", "claimant_name", ""],
    ["Policy #", "policy_number", ""],
  ])("%j is the caption of %s", (text, field, rest) => {
    const m = matchLabel(text);
    expect(m?.entry.field).toBe(field);
    expect(m?.rest).toBe(rest);
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
