// A name box at a photocopy's cut-off left edge loses its first letters ("roshi Lewis" of
// Hiroshi Lewis) or its whole first name ("Louise Johnson" of Anya Louise Johnson). A form
// often names the same person again (the contact, who reported the loss), in a box the copy
// cut less or not at all: that reading completes the cut one when it ends the same way, and
// two such boxes reading the name alike outvote a reading a letter off ("Ofivia Cox").
import { editDistance } from "../settlement/edit-distance";
import { parseName } from "./values";

/** The name's words: digits, specks and the box's side read as a letter ("ica Cook I") left out. */
function nameWords(reading: string): string[] {
  const words = reading.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  while (words.length > 1 && /^[A-Za-z]$/.test(words.at(-1)!)) words.pop();
  return words;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * How `fuller` reads more of the same name than `cut`: "letters" when its word has letters
 * before the cut reading's first word ("Hiroshi" for "roshi", or for "itrick", whose first
 * letter is a glyph half cut away), "words" when it has whole words before it, undefined when
 * the two do not end the same way or `fuller` reads no more.
 */
export function readsMoreOf(cut: string, fuller: string): "letters" | "words" | undefined {
  const c = nameWords(cut);
  const f = nameWords(fuller);
  if (c.length === 0 || f.length < c.length) return undefined;
  const offset = f.length - c.length;
  // Every word after the first, the surname above all, must be read alike.
  for (let i = 1; i < c.length; i++) if (!same(c[i]!, f[offset + i]!)) return undefined;
  if (c.at(-1)!.length < 2) return undefined;
  const [first, counterpart] = [c[0]!.toLowerCase(), f[offset]!.toLowerCase()];
  if (first === counterpart) return offset > 0 ? "words" : undefined;
  const cutShort =
    counterpart.length > first.length &&
    (counterpart.endsWith(first) || (first.length >= 3 && counterpart.endsWith(first.slice(1))));
  return cutShort ? "letters" : undefined;
}

export type NameCompletion<T> =
  | { value: string; from: T; how: "letters" | "words" }
  /** Another box reads more of the name, but not as a name: the cut reading is incomplete. */
  | { incomplete: true };

/** The cut reading completed by the first other box that reads more of it as a whole name. */
export function completeCutName<T extends { value: string }>(
  cut: string,
  elsewhere: T[],
): NameCompletion<T> | undefined {
  let incomplete = false;
  for (const other of elsewhere) {
    const how = readsMoreOf(cut, other.value);
    if (!how) continue;
    const name = parseName(other.value);
    if (name) return { value: name.value, from: other, how };
    incomplete = true;
  }
  return incomplete ? { incomplete } : undefined;
}

/** How much surer OCR must have been of one other box's reading to outvote the name box's. */
const SURER = 1.5;

/**
 * The name other boxes read, when `reading` is that name with a letter misread, lost or added in
 * one or two of its words ("Ofivia Cox" against "Olivia Cox", or "rn" read "m" in a long word):
 * read word for word alike by two boxes or more, or by one box OCR was much surer of. Undefined
 * when the others disagree, or the reading is theirs or further from it. Its `name` is the
 * others' reading as a name.
 */
export function outvotingName<T extends { value: string; confidence: number }>(
  reading: { value: string; confidence: number },
  elsewhere: T[],
): { name: string; from: T } | undefined {
  // A box's side read before or after a word ("{Olivia", "|Olivia") is not part of it.
  const clean = (text: string) => nameWords(text).map((w) => w.replace(/^[^A-Za-z]+|[^A-Za-z.]+$/g, ""));
  const words = clean(reading.value).map((w) => w.toLowerCase());
  const key = (other: T) => clean(other.value).join(" ").toLowerCase();
  const readings = elsewhere.filter((other) => key(other) !== "");
  const surest = readings.reduce<T | undefined>((a, b) => (!a || b.confidence > a.confidence ? b : a), undefined);
  if (!surest || readings.some((other) => key(other) !== key(surest))) return undefined;
  if (readings.length < 2 && surest.confidence < reading.confidence * SURER) return undefined;
  const theirs = key(surest).split(" ");
  if (theirs.length !== words.length || theirs.join(" ") === words.join(" ")) return undefined;
  // One slip in a word of three letters or more; two ("rn" read "m") in a word of eight or more.
  const slips = theirs.map((w, i) => editDistance(w, words[i]!, 2));
  const near = slips.every((n, i) => n === 0 || (theirs[i]!.length >= 3 && n <= (theirs[i]!.length >= 8 ? 2 : 1)));
  const name = near && slips.filter((n) => n > 0).length <= 2 ? parseName(clean(surest.value).join(" ")) : undefined;
  return name && { name: name.value, from: surest };
}
