/** The car colour model's classes, in its output order (models/colour/colour-classifier.json). */
export const CAR_COLOURS = ["black", "blue", "brown", "green", "pink", "red", "silver", "white", "yellow"] as const;
export type CarColour = (typeof CAR_COLOURS)[number];

// Words a policy or a customer may use for a colour the model knows under another name:
// the training photos have no grey class (grey cars are labelled silver).
const SYNONYMS: Record<string, CarColour> = {
  grey: "silver",
  gray: "silver",
  charcoal: "silver",
  graphite: "silver",
  gunmetal: "silver",
  "dark grey": "silver",
  "dark gray": "silver",
  "light grey": "silver",
  "light gray": "silver",
  "metallic grey": "silver",
  "metallic gray": "silver",
  "metallic silver": "silver",
  navy: "blue",
  "navy blue": "blue",
  "dark blue": "blue",
  "light blue": "blue",
  "sky blue": "blue",
  maroon: "red",
  burgundy: "red",
  crimson: "red",
  "dark red": "red",
  "pearl white": "white",
  "dark green": "green",
  "olive green": "green",
};

/**
 * The model class a colour named on a policy corresponds to (case, hyphens and spacing ignored),
 * or undefined for a colour the model has no class for or that sits between two of its classes
 * (orange, purple, gold, beige…): a colour check must then compare nothing rather than flag.
 */
export function carColourClass(name: string): CarColour | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if ((CAR_COLOURS as readonly string[]).includes(key)) return key as CarColour;
  return SYNONYMS[key];
}
