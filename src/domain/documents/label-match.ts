// A caption at the start of a text: which label it is, and the text after it; captions that
// run into each other split.
import { editDistance } from "../settlement/edit-distance";
import { LABELS, type LabelEntry } from "./labels";
import { type Cell, type Line, squash, stripNumbering } from "./layout";

export interface LabelMatch {
  entry: LabelEntry;
  /** Text after the label (separators and a "(mm/dd/yyyy)" hint removed). */
  rest: string;
  /** Where the label ends in the text given. */
  labelEnd: number;
  /** Followed by a separator (":", "#", a wide gap) or nothing: a caption, not prose. */
  separated: boolean;
}

export const SEPARATORS = /^[\s:;,#.\-–=>/*?_]+/;

/**
 * Captions no list has, recognised by what they are made of: a name word with a role word
 * ("Full name of policyholder", "Name (Insured)"), a date word with a loss word, an amount
 * word with a claim word, a policy word with a number word. Only short captions followed by
 * a separator or nothing, so that prose never matches.
 */
const COMPOSED: Array<{ field: LabelEntry["field"]; test: (words: string) => boolean; weight: number }> = [
  {
    field: "claimant_name",
    test: (w) =>
      /\bnamed?\b/.test(w) &&
      /\b(?:insured|policy ?holders?|claimants?|applicants?|customer|member|owner)\b/.test(w) &&
      !/\b(?:agent|adjuster|witness|other|third|driver|company|carrier|insurer|contact)\b/.test(w),
    weight: 0.88,
  },
  {
    field: "incident_date",
    test: (w) =>
      /\b(?:date|when|day)\b/.test(w) &&
      /\b(?:loss|incident|accident|occurrence|collision|theft|damage|crash|event)\b/.test(w) &&
      !/\b(?:report|reported|birth|signed|policy|claim date|notif)/.test(w),
    weight: 0.9,
  },
  {
    field: "amount_claimed",
    test: (w) =>
      /\b(?:amount|total|sum|estimated?|cost|value)\b/.test(w) &&
      /\b(?:claim|claimed|loss|damages?|repairs?)\b/.test(w) &&
      !/\b(?:deductible|paid|premium|limit|excess|other|third)\b/.test(w),
    weight: 0.88,
  },
  {
    field: "policy_number",
    test: (w) =>
      /\b(?:policy|pol|contract|certificate)\b/.test(w) &&
      /\b(?:no|nr|num|number|id|ref|reference|#)\b|#/.test(w) &&
      !/\b(?:other|third|claim)\b/.test(w),
    weight: 0.9,
  },
];

/** The words captions are made of; a caption with any other word ("Mr", "John") is not one. */
const CAPTION_WORDS = new Set(
  (
    "name names named full first last legal of the a insured insureds policyholder policyholders policy holder holders claimant claimants applicant " +
    "customer member owner person your date day when did does do loss incident accident occurrence collision theft damage crash event " +
    "occur occurred happen happened amount total sum estimated estimate cost value claim claimed damages repair repairs requested " +
    "no nr num number id ref reference pol contract certificate insurance and time or on in for to be being"
  ).split(" "),
);

function composedLabel(text: string): (LabelMatch & { explicit: boolean }) | undefined {
  const m = text.match(
    /^\s*([A-Za-z](?:[A-Za-z'’()/#\s]|-(?=[A-Za-z])|\.(?!\.)){2,60}?)\s*(:|#(?=\s)|\?|\s[-–]\s|\s{2,}|\.{3,}|_{3,}|$)/,
  );
  if (!m) return undefined;
  const caption = m[1]!
    .replace(/[()/#.]/g, " ")
    .replace(/['’]s\b/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  const words = caption.split(" ");
  if (words.length < 2 || words.length > 7 || !words.every((w) => CAPTION_WORDS.has(w))) return undefined;
  const explicit = m[2] !== "";
  for (const rule of COMPOSED) {
    if (!rule.test(caption)) continue;
    const end = m.index! + m[0].length;
    const rest = text.slice(end).replace(SEPARATORS, "").trim();
    return {
      entry: { squashed: caption.replace(/[^a-z]/g, ""), field: rule.field, weight: rule.weight },
      rest,
      labelEnd: end,
      separated: true,
      explicit,
    };
  }
  return undefined;
}

export function matchLabel(cellText: string): LabelMatch | undefined {
  const found = dictionaryLabel(cellText);
  const { text, offset } = stripNumbering(cellText);
  const composed = composedLabel(text);
  if (!composed) return found;
  const { explicit, ...match } = composed;
  // "Full name of policyholder": the whole caption, not its first words ("full name").
  // A caption alone in its cell wins too when the list's shorter label leaves its "of …" behind,
  // or when the cell is all caption words ("Claimant's Full Name", "Insurance Policy No.": not
  // the claimant's "'s Full Name", nor the insurer), unless what the list's label leaves is a
  // caption of its own ("TIME OF LOSS CLAIM AMOUNT" is two).
  const alone = match.rest === "" && (found?.entry.field === null || !matchLabel(found?.rest ?? ""));
  const qualified = explicit || /^of\b/i.test(found?.rest ?? "") || alone;
  const longer = found && qualified && composed.entry.squashed.length > found.entry.squashed.length;
  return !found || longer ? { ...match, labelEnd: composed.labelEnd + offset } : found;
}

function dictionaryLabel(cellText: string): LabelMatch | undefined {
  const { text, offset } = stripNumbering(cellText);
  const { letters, map } = squash(text);
  if (letters.length === 0 || map[0]! > 2) return undefined;
  for (const entry of LABELS) {
    if (!letters.startsWith(entry.squashed)) continue;
    const end = map[entry.squashed.length - 1]! + 1;
    const next = text[end];
    // "Name of InsuredHiroshi Thompson": a caption run into its value where the case turns.
    const runInto = next !== undefined && /[a-z]/.test(text[end - 1]!) && /^[A-Z][a-z]/.test(text.slice(end, end + 2));
    if (next !== undefined && /[A-Za-z]/.test(next) && !(runInto && entry.field !== null && entry.squashed.length >= 8))
      continue;
    // "No. 12345" after "Policy": the "No" is part of the label, not the value.
    const after = text.slice(end);
    const separated = runInto || /^\s*(?:$|[:#=\-–|]|\(|\s{2})/.test(after) || /^\s*(?:no|number|#)\b/i.test(after);
    let rest = after.replace(SEPARATORS, "");
    // OCR often loses a hint's closing bracket: "(First, Middle, Last".
    rest = rest.replace(/^\([^)]*(?:\)|$)/, "").replace(SEPARATORS, "");
    rest = rest.replace(/^(?:\[\s*\]|_{2,}|\.{3,})\s*/, "").trim();
    // "Date Regorted": a short caption whose rest is one word may be a longer one OCR slipped on.
    const slipped =
      entry.squashed.length < LONG_CAPTION && /^[A-Za-z]+$/.test(rest)
        ? slippedLabel(text, offset, letters, map)
        : undefined;
    if (slipped && slipped.entry.squashed.length > entry.squashed.length) return slipped;
    return { entry, rest, labelEnd: offset + end, separated };
  }
  return clippedLabel(text, offset, letters, map) ?? slippedLabel(text, offset, letters, map);
}

/** Captions this long (squashed letters) are known with one letter lost or misread. */
const LONG_CAPTION = 7;

/** A caption read with a letter lost or misread: the list's label, at a little lower weight. */
function misreadMatch(entry: LabelEntry, text: string, end: number, offset: number): LabelMatch {
  return {
    entry: { ...entry, weight: entry.weight * 0.9 },
    rest: text.slice(end).replace(SEPARATORS, "").trim(),
    labelEnd: offset + end,
    separated: true,
  };
}

/** Captions this long (squashed letters) are known with two slips. */
const LONGER_CAPTION = 12;

/**
 * Letters OCR slipped on in a long caption ("Poliey ID", "Estmated Loss", "Poscy Number" on a
 * poor copy: a letter misread, lost or added; two in a caption of 12 letters or more), known by
 * the rest of it when only a separator, a wide gap or the end of its cell follows. A first letter
 * misread is the only slip allowed. The caption fewest slips away wins; two captions as near with
 * different meanings are none. Its weight is a little lower.
 */
function slippedLabel(text: string, offset: number, letters: string, map: number[]): LabelMatch | undefined {
  let best: { entry: LabelEntry; end: number; slips: number } | undefined;
  let tied = false;
  for (const entry of LABELS) {
    const n = entry.squashed.length;
    if (n < LONG_CAPTION) continue;
    // A first letter misread is the one slip allowed ("HAME OF INSURED").
    const firstSlipped = letters[0] !== entry.squashed[0];
    const allowed = firstSlipped ? 1 : n >= LONGER_CAPTION ? 2 : 1;
    if (letters.length < n - allowed || (firstSlipped && !letters.startsWith(entry.squashed.slice(1), 1))) continue;
    for (let m = n - allowed; m <= Math.min(letters.length, n + allowed); m++) {
      const slips = editDistance(entry.squashed, letters.slice(0, m), allowed);
      if (slips === 0 || slips > allowed || (best && slips > best.slips)) continue;
      const end = map[m - 1]! + 1;
      if (!/^\s*(?:$|:|\s{2})/.test(text.slice(end))) continue;
      if (best && slips === best.slips) {
        if (best.entry.field !== entry.field) tied = true;
        continue;
      }
      best = { entry, end, slips };
      tied = false;
    }
  }
  return best && !tied ? misreadMatch(best.entry, text, best.end, offset) : undefined;
}

/**
 * A long caption whose first letter a copier's crop cut off or a speck changed ("ustomer:",
 * "sustomer:"), known by the rest of it and the colon after it. Its weight is a little lower.
 */
function clippedLabel(text: string, offset: number, letters: string, map: number[]): LabelMatch | undefined {
  if (!text.includes(":")) return undefined;
  for (const entry of LABELS) {
    if (entry.squashed.length < LONG_CAPTION) continue;
    const tail = entry.squashed.slice(1);
    for (const lost of [true, false]) {
      const start = lost ? 0 : 1;
      if (!letters.startsWith(tail, start) || (!lost && letters[0] === entry.squashed[0])) continue;
      const end = map[start + tail.length - 1]! + 1;
      if (/^\s*:/.test(text.slice(end))) return misreadMatch(entry, text, end, offset);
    }
  }
  return undefined;
}

/** Where in `text` (after its start) a further "Caption: value" pair begins. */
function nextLabelAt(text: string, from = 0): number | undefined {
  for (const m of text.matchAll(/[\s;,](?=[A-Z])/g)) {
    if (m.index! < from) continue;
    const tail = text.slice(m.index! + 1);
    const label = matchLabel(tail);
    if (label?.separated && label.rest !== "" && label.entry.squashed.length >= 3) return m.index! + 1;
  }
  return undefined;
}

/** "Owner Locked Policy Number: OL-1" → "Owner Locked": a value ends where the next caption starts. */
export function cutAtNextLabel(rest: string): string {
  const at = nextLabelAt(rest);
  return at === undefined ? rest : rest.slice(0, at).replace(/[\s;,]+$/, "");
}

/**
 * A text layer or OCR may glue a caption to the value before it ("… OH 43215Incident Date:"):
 * the cell splits where a digit meets a capitalised caption that ends in a separator.
 */
function splitGluedCaption(cell: Cell): Cell[] {
  for (const m of cell.text.matchAll(/(?<=\d)(?=[A-Z][a-z])/g)) {
    const tail = cell.text.slice(m.index!);
    const label = matchLabel(tail);
    if (!label?.separated || label.entry.squashed.length < 5 || !/^[^:#]*[A-Za-z][:#]/.test(tail)) continue;
    const head = cell.text.slice(0, m.index!);
    return [
      { ...cell, text: head, end: cell.col + head.length },
      { ...cell, text: tail, col: cell.col + m.index! },
    ];
  }
  return [cell];
}

/** Cells holding several "Caption: value" pairs in a row are split into one cell per pair. */
export function splitCellsAtLabels(line: Line): void {
  const cells: Cell[] = [];
  for (const cell of line.cells.flatMap(splitGluedCaption)) {
    let rest = cell;
    for (let guard = 0; guard < 12; guard++) {
      const own = matchLabel(rest.text);
      if (!own) break;
      const at = nextLabelAt(rest.text, own.labelEnd);
      if (at === undefined) break;
      const head = rest.text.slice(0, at).replace(/[\s;,]+$/, "");
      cells.push({ ...rest, text: head, end: rest.col + head.length });
      const lead = rest.text.slice(at).length - rest.text.slice(at).trimStart().length;
      rest = { ...rest, text: rest.text.slice(at).trim(), col: rest.col + at + lead };
    }
    cells.push(rest);
  }
  line.cells = cells;
}

/** A cell that is only a label (a table header or a form caption), not a value. */
export function isLabelCell(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const m = matchLabel(cell.text);
  if (m?.rest !== "") return false;
  return m.entry.squashed !== "totalloss";
}
