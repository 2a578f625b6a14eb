// Policy numbers: letters, digits and separators with at least four digits. A text layer is
// taken as written ("HOM809292-27" stays so); OCR output is repaired only where the usual
// shape of a policy number needs it: a letter prefix read with digits in it ("H0M" → "HOM"),
// and lower-case letters or bars inside a run of digits ("8l4|2" → "81412"). A capital between
// digits stays ("AU7883O465"): a scan's glyph shapes have already told it from a digit.
import type { Parsed } from "./values";

export interface ReadOptions {
  /** The text comes from OCR (and may carry its letter/digit confusions). */
  ocr?: boolean;
}

const TO_LETTER: Record<string, string> = { "0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G" };
const TO_DIGIT: Record<string, string> = { o: "0", O: "0", l: "1", i: "1", I: "1", "|": "1" };

const ALL_TO_DIGIT: Record<string, string> = { ...TO_DIGIT, s: "5", S: "5", B: "8", Z: "2", z: "2", G: "6" };
/** A letter OCR never makes of a digit. */
const SURE_LETTER = /[AC-FHJ-NP-RT-Ya-hjkmnp-rt-y]/;

interface ReadSegment {
  text: string;
  repaired: boolean;
  /** Kept as read, though OCR could as well have made it of other characters. */
  ambiguous?: boolean;
}

/**
 * One dash-separated part of an OCR'd policy number. With a letter OCR never makes of a digit,
 * the part is a letter prefix and digits ("H0M809292" → "HOM809292"); without one, it is
 * digits ("2O25" → "2025", "OO9876" → "009876"), unless it opens with three or more capitals
 * ("SIB806777" stays: a prefix of capitals is read as written) or has no digit at all ("-B" stays).
 */
function repairSegment(segment: string): ReadSegment {
  let text: string;
  if (SURE_LETTER.test(segment)) {
    const firstDigit = segment.search(/[3479]|[0-9](?=[0-9]{2})/);
    const prefixEnd = firstDigit < 0 ? segment.length : firstDigit;
    const prefix = segment.slice(0, prefixEnd);
    const body = segment.slice(prefixEnd);
    text =
      (/\d/.test(prefix) ? prefix.replace(/[012568]/g, (c) => TO_LETTER[c] ?? c) : prefix) +
      body.replace(/(?<=\d)[oli|](?=\d)|[ol|](?=\d)|(?<=\d)[ol|]/g, (c) => TO_DIGIT[c] ?? c);
  } else if (/^[SBGZIO]{1,2}\d{5,}[A-Z]?$/.test(segment)) {
    // "S76424609", "ZO6092501I": a capital or two before a run of digits (and one after) are as
    // likely letters as digits OCR misread; kept as read, and the caller sends the number to review.
    return { text: segment, repaired: false, ambiguous: true };
  } else if (!/\d/.test(segment)) {
    // Only letters OCR could have made of digits ("B", "ZIO"): nothing says they are digits.
    text = segment;
  } else {
    const capitals = segment.match(/^[OISBZG]{3,}(?=\d)/)?.[0] ?? "";
    text = capitals + segment.slice(capitals.length).replace(/[oOlIi|sSBZzG]/g, (c) => ALL_TO_DIGIT[c] ?? c);
  }
  return { text, repaired: text !== segment };
}

export function parsePolicyNumber(raw: string, options: ReadOptions = {}): Parsed<string> | undefined {
  // On a scan, a lone bar before the number is the box's edge ("I 609-6896-GL").
  // Inside it, a bracket between two characters is a rule crossing the number ("CAR-202]1-116116"),
  // a tilde by a dash the dash drawn twice ("AUTO~-2021"), and between two characters a dash.
  const text = (
    options.ocr
      ? raw
          .replace(/^\s*[Il|[{(]\s+(?=[A-Za-z]{0,4}[-\s]?\d)/, "")
          .replace(/(?<=[A-Za-z0-9])[[\]](?=[A-Za-z0-9])/g, "")
          .replace(/~+(?=-)|(?<=-)~+/g, "")
          .replace(/(?<=[A-Za-z0-9])~(?=[A-Za-z0-9])/g, "-")
      : raw
  )
    .replace(/^[\s:#.-]+/, "")
    .replace(/^(?:no|number|num|nr)\b[\s:#.]*/i, "")
    .trim();
  // OCR may break "POL-2025 - 001234" with spaces around dashes; "AUT 4471 2093" is written with spaces.
  const m = text.match(
    /^((?:[A-Za-z]{1,4}\s(?=\d))?[A-Za-z0-9|][A-Za-z0-9|]*(?:\s?[-/]\s?[A-Za-z0-9|]+|\.[A-Za-z0-9]+|\s(?=\d{3,}\b)\d+)*)/,
  );
  if (!m) return undefined;
  let certainty = 1;
  let token = m[1]!.replace(/\s*([-/.])\s*/g, "$1").replace(/\.$/, "");
  if ((token.replace(/\s/g, "").match(/\d/g) ?? []).length < 4) {
    // Junk before the number ("# AUTO 123-456", an OCR smudge): the first number-like token.
    const later = text.slice(0, 40).match(/\s([A-Za-z]{0,4}\d[\dA-Za-z]*(?:-[A-Za-z0-9]+)+|\d{5,}[A-Za-z]?)\b/);
    if (!later) return undefined;
    token = later[1]!;
    certainty = 0.6;
  }
  if (options.ocr) {
    const parts = token
      .split(/([-/ ])/)
      .map((p): ReadSegment => (/^[-/ ]$/.test(p) ? { text: p, repaired: false } : repairSegment(p)));
    if (parts.some((p) => p.repaired)) certainty *= 0.85;
    if (parts.some((p) => p.ambiguous)) certainty *= 0.6;
    token = parts.map((p) => p.text).join("");
  }
  token = token.toUpperCase();
  // "210814652-34" may be "ZIO814652-34": a scanned number opening with three digits OCR also
  // makes of letters cannot say which it is, and goes to review rather than be trusted.
  if (options.ocr && /^[0125]{3}/.test(token)) certainty *= 0.75;
  const compact = token.replace(/\s/g, "");
  if ((compact.match(/\d/g) ?? []).length < 4 || compact.length < 5 || compact.length > 30) return undefined;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(compact) || /^\d{4}-\d{2}-\d{2}$/.test(compact)) return undefined;
  // A telephone number is not a policy number.
  if (/^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/.test(token)) return undefined;
  return { value: token, certainty };
}
