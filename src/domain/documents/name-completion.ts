// A name box at a photocopy's cut-off left edge loses its first letters ("roshi Lewis" of
// Hiroshi Lewis) or its whole first name ("Louise Johnson" of Anya Louise Johnson). A form
// often names the same person again (the contact, who reported the loss), in a box the copy
// cut less or not at all: that reading completes the cut one when it ends the same way.
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
