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

export function matchLabel(cellText: string): LabelMatch | undefined {
  const { text, offset } = stripNumbering(cellText);
  const { letters, map } = squash(text);
  if (letters.length === 0 || map[0]! > 2) return undefined;
  for (const entry of LABELS) {
    if (!letters.startsWith(entry.squashed)) continue;
    const end = map[entry.squashed.length - 1]! + 1;
    const next = text[end];
    if (next !== undefined && /[A-Za-z]/.test(next)) continue;
    // "No. 12345" after "Policy": the "No" is part of the label, not the value.
    const after = text.slice(end);
    const separated = /^\s*(?:$|[:#=\-–|]|\(|\s{2})/.test(after) || /^\s*(?:no|number|#)\b/i.test(after);
    let rest = after.replace(SEPARATORS, "");
    rest = rest.replace(/^\((?:[^)]*)\)/, "").replace(SEPARATORS, "");
    rest = rest.replace(/^(?:\[\s*\]|_{2,}|\.{3,})\s*/, "");
    return { entry, rest: rest.trim(), labelEnd: offset + end, separated };
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

/** Cells holding several "Caption: value" pairs in a row are split into one cell per pair. */
export function splitCellsAtLabels(line: Line): void {
  const cells: Cell[] = [];
  for (const cell of line.cells) {
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
