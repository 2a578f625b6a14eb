// Filled fillable-form widgets read by what they are: a known form's field by its name, any
// other widget by its name, its tooltip or, failing those ("Text7"), the caption printed
// nearest to it, above or to its left inside the same box. The section heading printed
// above a widget says whose value it is: the insured's, the other party's, a witness's.
import type { Candidate } from "./candidate";
import { matchLabel } from "./label-match";
import { type SectionRole, sectionHeading } from "./sections";

export interface FormWidget {
  /** Fully qualified field name. */
  name: string;
  /** Text value, or "On"/"Off" for a check box. */
  value: string;
  kind: "text" | "checkbox" | "choice";
  page: number;
  /** [x1, y1, x2, y2] in PDF units, y up. */
  rect: [number, number, number, number];
  tooltip?: string;
}

/** Printed text on a page, PDF units, y up (baseline). */
export interface PrintedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The last segment of a qualified name without its index: "F[0].P1[0].Text7[0]" → "Text7". */
export const shortName = (name: string) =>
  name
    .replace(/\[\d+\]/g, "")
    .replace(/^.*\./, "")
    .trim();

const squashed = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A value that is its own caption ("REMARKS (ACORD 101, …)" typed into the remarks box). */
export function isCaptionEcho(value: string, captions: Array<string | undefined>): boolean {
  const v = squashed(value);
  if (v.length < 6) return false;
  return captions.some((c) => {
    const k = c ? squashed(c) : "";
    return (
      k.length >= 6 &&
      (k.startsWith(v.slice(0, Math.min(v.length, 24))) || v.startsWith(k.slice(0, Math.min(k.length, 24))))
    );
  });
}

/** Printed items joined into caption lines (same baseline, adjacent). */
function captionLines(printed: PrintedText[]): PrintedText[] {
  const sorted = [...printed].filter((p) => p.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const out: PrintedText[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      Math.abs(last.y - item.y) < Math.max(1.5, item.height * 0.3) &&
      item.x - (last.x + last.width) < item.height * 1.2 &&
      item.x >= last.x
    ) {
      last.str = `${last.str} ${item.str.trim()}`;
      last.width = item.x + item.width - last.x;
      last.height = Math.max(last.height, item.height);
    } else out.push({ ...item, str: item.str.trim() });
  }
  return out;
}

/** The caption of a widget: printed just above its top edge inside its span, else on its line to the left. */
export function widgetCaption(widget: FormWidget, captions: PrintedText[]): string | undefined {
  const [x1, y1, x2, y2] = widget.rect;
  let best: { text: string; score: number } | undefined;
  for (const c of captions) {
    const above = c.y >= y2 - 4 && c.y <= y2 + 16 && c.x >= x1 - 12 && c.x <= x2 - 4;
    const left = c.y >= y1 - 3 && c.y <= y2 + 2 && c.x + c.width <= x1 + 4 && x1 - (c.x + c.width) < 140;
    if (!above && !left) continue;
    const score = above ? Math.abs(c.y - y2) + Math.abs(c.x - x1) * 0.3 : (x1 - (c.x + c.width)) * 0.5 + 6;
    if (!best || score < best.score) best = { text: c.str, score };
  }
  return best?.text;
}

/** Section headings on each page (larger than the captions, or saying whose section it is), top down. */
function headings(printed: PrintedText[]): Array<{ y: number; role: SectionRole; size: number }> {
  const lines = captionLines(printed);
  const sizes = lines.map((l) => l.height).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 8;
  const out: Array<{ y: number; role: SectionRole; size: number }> = [];
  for (const l of lines) {
    const role = sectionHeading(l.str);
    if (!role) continue;
    // Small print naming a section ("OTHER INSURANCE ON VEHICLE") is a caption, not a heading.
    if (l.height < median * 1.2 && role === "own") continue;
    if (l.height < median * 1.2 && !/^[A-Z\s/&-]+$/.test(l.str)) continue;
    out.push({ y: l.y, role, size: l.height });
  }
  return out;
}

/** Whose section each widget is in: the nearest heading above it on its page, else the last one of an earlier page. */
export function widgetRoles(
  widgets: FormWidget[],
  printedByPage: Map<number, PrintedText[]>,
): Map<FormWidget, SectionRole> {
  const out = new Map<FormWidget, SectionRole>();
  const pages = [...new Set(widgets.map((w) => w.page))].sort((a, b) => a - b);
  let carried: SectionRole = "own";
  for (const page of pages) {
    const hs = headings(printedByPage.get(page) ?? []).sort((a, b) => b.y - a.y);
    for (const w of widgets.filter((x) => x.page === page)) {
      const top = w.rect[3];
      const above = hs.filter((h) => h.y >= top - 2);
      out.set(w, above.length ? above[above.length - 1]!.role : carried);
    }
    if (hs.length) carried = hs[hs.length - 1]!.role;
  }
  return out;
}

export interface WidgetMeaning {
  widget: FormWidget;
  /** What the widget says it is: its name, tooltip or printed caption. */
  caption?: string;
  role: SectionRole;
}

/** Every filled widget with its caption and role; widgets whose value is their own caption are left out. */
export function readWidgets(widgets: FormWidget[], printedByPage: Map<number, PrintedText[]>): WidgetMeaning[] {
  const roles = widgetRoles(widgets, printedByPage);
  const captionsByPage = new Map([...printedByPage].map(([page, printed]) => [page, captionLines(printed)]));
  const out: WidgetMeaning[] = [];
  for (const widget of widgets) {
    const caption = widgetCaption(widget, captionsByPage.get(widget.page) ?? []);
    if (widget.kind !== "checkbox" && isCaptionEcho(widget.value, [caption, widget.tooltip, shortName(widget.name)]))
      continue;
    out.push({ widget, role: roles.get(widget) ?? "own", ...(caption ? { caption } : {}) });
  }
  return out;
}

/** Label meanings for widgets no known form maps: from the name, else the tooltip, else the printed caption. */
export function widgetLabel(
  meaning: WidgetMeaning,
): { label: ReturnType<typeof matchLabel>; from: "name" | "tooltip" | "caption" } | undefined {
  const name = shortName(meaning.widget.name)
    .replace(/_\d+$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_]+/g, " ");
  const byName = /^(?:text|field|fill|textfield|untitled|undefined)\s*\d*$/i.test(name) ? undefined : matchLabel(name);
  if (byName?.entry.field && byName.rest === "") return { label: byName, from: "name" };
  const byTooltip = meaning.widget.tooltip ? matchLabel(meaning.widget.tooltip) : undefined;
  if (byTooltip?.entry.field) return { label: byTooltip, from: "tooltip" };
  const byCaption = meaning.caption ? matchLabel(meaning.caption) : undefined;
  if (byCaption?.entry.field) return { label: byCaption, from: "caption" };
  // A decoy caption ("DATE OF BIRTH") says what the widget is not.
  if (byName && byName.rest === "") return { label: byName, from: "name" };
  return byCaption ? { label: byCaption, from: "caption" } : undefined;
}

export type { Candidate };
