// What customers type as their car's colour, read as the colour classifier's classes.

/** The colour classifier's classes (trained on ../shared/data/car_colors). */
export const MODEL_COLOURS = ["black", "blue", "brown", "green", "pink", "red", "silver", "white", "yellow"] as const;
export type ModelColour = (typeof MODEL_COLOURS)[number];

/**
 * Colour words → the classes a photo of such a car may honestly be classified as. The first class
 * is the colour's own; the others are where the model can put it without anyone lying (the model
 * has no grey, orange, purple, beige or gold class). Grey is silver: the training photos label
 * grey cars silver.
 */
export const COLOUR_WORDS: Readonly<Record<string, readonly ModelColour[]>> = {
  black: ["black"],
  onyx: ["black"],
  ebony: ["black"],
  jet: ["black"],
  obsidian: ["black"],
  blue: ["blue"],
  navy: ["blue", "black"],
  cobalt: ["blue"],
  azure: ["blue"],
  sapphire: ["blue"],
  indigo: ["blue", "black"],
  teal: ["blue", "green"],
  turquoise: ["blue", "green"],
  aqua: ["blue", "green"],
  cyan: ["blue", "green"],
  brown: ["brown"],
  chocolate: ["brown"],
  mocha: ["brown"],
  coffee: ["brown"],
  bronze: ["brown", "yellow"],
  copper: ["brown", "red"],
  beige: ["brown", "white", "silver", "yellow"],
  tan: ["brown", "white", "silver", "yellow"],
  champagne: ["brown", "white", "silver", "yellow"],
  sand: ["brown", "white", "silver", "yellow"],
  khaki: ["brown", "green", "yellow"],
  taupe: ["brown", "silver"],
  green: ["green"],
  lime: ["green", "yellow"],
  olive: ["green", "brown"],
  emerald: ["green"],
  forest: ["green", "black"],
  mint: ["green", "white", "blue"],
  pink: ["pink", "red"],
  rose: ["pink", "red"],
  magenta: ["pink", "red"],
  fuchsia: ["pink", "red"],
  red: ["red", "pink"],
  maroon: ["red", "brown"],
  burgundy: ["red", "brown"],
  wine: ["red", "brown"],
  crimson: ["red"],
  scarlet: ["red"],
  cherry: ["red"],
  ruby: ["red"],
  orange: ["red", "yellow", "brown"],
  purple: ["blue", "pink", "red", "black"],
  violet: ["blue", "pink", "red"],
  plum: ["red", "brown", "black", "blue"],
  lavender: ["pink", "blue", "silver", "white"],
  silver: ["silver", "white"],
  grey: ["silver", "white"],
  gray: ["silver", "white"],
  platinum: ["silver", "white"],
  chrome: ["silver", "white"],
  aluminum: ["silver", "white"],
  aluminium: ["silver", "white"],
  titanium: ["silver"],
  pewter: ["silver"],
  graphite: ["silver", "black"],
  charcoal: ["silver", "black"],
  gunmetal: ["silver", "black"],
  slate: ["silver", "black", "blue"],
  white: ["white", "silver"],
  ivory: ["white", "yellow", "silver"],
  cream: ["white", "yellow", "silver"],
  alabaster: ["white", "silver"],
  snow: ["white", "silver"],
  yellow: ["yellow"],
  gold: ["yellow", "brown"],
  golden: ["yellow", "brown"],
  mustard: ["yellow", "brown"],
  lemon: ["yellow"],
};

const DARK_WORDS = new Set(["dark", "deep", "midnight", "night"]);
const LIGHT_WORDS = new Set(["light", "pale", "bright", "ice", "icy", "pearl"]);

export interface PolicyColour {
  /** The classes a photo of the car may be classified as without a mismatch. */
  accepted: ModelColour[];
}

/**
 * A colour as typed at signup ("Grey", "Dark Blue Metallic", "Pearl White", "black and white")
 * → the classes that match it, or undefined when no word names a colour ("Rainbow", "Custom"):
 * such a policy's colour is not compared. "Dark" adds black, "light"/"pale" add white and silver;
 * two colours ("two-tone black and white") accept either.
 */
export function readPolicyColour(text: string): PolicyColour | undefined {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const accepted = new Set<ModelColour>();
  let dark = false;
  let light = false;
  for (const word of words) {
    if (DARK_WORDS.has(word)) dark = true;
    if (LIGHT_WORDS.has(word)) light = true;
    for (const colour of COLOUR_WORDS[word] ?? []) accepted.add(colour);
  }
  if (accepted.size === 0) {
    if (words.includes("pearl")) return { accepted: ["white", "silver"] };
    return undefined;
  }
  if (dark) accepted.add("black");
  if (light) {
    accepted.add("white");
    accepted.add("silver");
  }
  return { accepted: [...accepted] };
}
