import { editDistance } from "./edit-distance";
import { normalizeLabel, squashLabel } from "./label";

/** Price level of a make: sets the new-vehicle price and the body-shop labour rate. */
export const MAKE_TIERS = ["economy", "mainstream", "premium", "luxury"] as const;
export type MakeTier = (typeof MAKE_TIERS)[number];

/** An unknown make is valued as mainstream: the middle of the market, neither rewarded nor penalised. */
export const DEFAULT_MAKE_TIER: MakeTier = "mainstream";

/** The makes of each tier (US-market positioning; listed in src/domain/settlement/README.md). */
export const MAKES_BY_TIER: Readonly<Record<MakeTier, readonly string[]>> = {
  economy: [
    "BYD",
    "Chery",
    "Dacia",
    "Daewoo",
    "Datsun",
    "Fiat",
    "Geely",
    "Geo",
    "Great Wall",
    "Lada",
    "Mahindra",
    "Maruti",
    "MG",
    "Mitsubishi",
    "Perodua",
    "Proton",
    "Saturn",
    "Scion",
    "Smart",
    "Suzuki",
    "Tata",
  ],
  mainstream: [
    "Buick",
    "Chevrolet",
    "Chrysler",
    "Citroën",
    "Cupra",
    "Dodge",
    "Ford",
    "GMC",
    "Holden",
    "Honda",
    "Hyundai",
    "Isuzu",
    "Jeep",
    "Kia",
    "Lancia",
    "Mazda",
    "Mercury",
    "Mini",
    "Nissan",
    "Oldsmobile",
    "Opel",
    "Peugeot",
    "Plymouth",
    "Pontiac",
    "Ram",
    "Renault",
    "Rover",
    "Saab",
    "SEAT",
    "Škoda",
    "Subaru",
    "Toyota",
    "Vauxhall",
    "VinFast",
    "Volkswagen",
  ],
  premium: [
    "Acura",
    "Alfa Romeo",
    "Audi",
    "BMW",
    "Cadillac",
    "DS",
    "Fisker",
    "Genesis",
    "Hummer",
    "Infiniti",
    "Jaguar",
    "Land Rover",
    "Lexus",
    "Lincoln",
    "Lucid",
    "Mercedes-Benz",
    "Polestar",
    "Rivian",
    "Tesla",
    "Volvo",
  ],
  luxury: [
    "Aston Martin",
    "Bentley",
    "Bugatti",
    "Ferrari",
    "Koenigsegg",
    "Lamborghini",
    "Lotus",
    "Maserati",
    "Maybach",
    "McLaren",
    "Pagani",
    "Porsche",
    "Rolls-Royce",
  ],
};

/** Other names people write for a make (short forms, model lines sold as makes). */
export const MAKE_ALIASES: Readonly<Record<string, string>> = {
  vw: "Volkswagen",
  chevy: "Chevrolet",
  chev: "Chevrolet",
  mercedes: "Mercedes-Benz",
  merc: "Mercedes-Benz",
  benz: "Mercedes-Benz",
  mb: "Mercedes-Benz",
  "mercedes amg": "Mercedes-Benz",
  amg: "Mercedes-Benz",
  "range rover": "Land Rover",
  alfa: "Alfa Romeo",
  rolls: "Rolls-Royce",
  aston: "Aston Martin",
  lambo: "Lamborghini",
  "ram trucks": "Ram",
  "ds automobiles": "DS",
};

export type MakeMatch = "exact" | "alias" | "approximate" | "unknown";

export interface MakeReading {
  /** The make's usual spelling, or null when the text names no known make. */
  make: string | null;
  tier: MakeTier;
  match: MakeMatch;
}

const TIER_OF_KEY = new Map<string, { make: string; tier: MakeTier }>();
for (const tier of MAKE_TIERS)
  for (const make of MAKES_BY_TIER[tier]) TIER_OF_KEY.set(squashLabel(make), { make, tier });
const ALIAS_OF_KEY = new Map(Object.entries(MAKE_ALIASES).map(([alias, make]) => [squashLabel(alias), make]));

const MAX_MAKE_WORDS = 4;

/** Shortest key a typo is forgiven in, and how many edits at that length: "Nisson", "Porche", "Accura". */
const APPROXIMATE_FROM_LENGTH = 5;
const allowedEdits = (key: string): number => (key.length >= 9 ? 2 : 1);

/** The make and its tier from free text: any case, accents, hyphens, a model after it, or one typo. */
export function readVehicleMake(text: string): MakeReading {
  // A make is at most a few words; the rest is the model ("Toyota Camry LE").
  const words = normalizeLabel(text.slice(0, 200)).split(" ").filter(Boolean).slice(0, MAX_MAKE_WORDS);
  // Longest leading run of words first: "Land Rover Defender" is Land Rover, "Mini Cooper" is Mini.
  const keys = words.map((_, i) => words.slice(0, words.length - i).join(""));
  for (const key of keys) {
    const known = TIER_OF_KEY.get(key);
    if (known) return { make: known.make, tier: known.tier, match: "exact" };
    const alias = ALIAS_OF_KEY.get(key);
    if (alias) return { make: alias, tier: TIER_OF_KEY.get(squashLabel(alias))!.tier, match: "alias" };
  }
  for (const key of keys) {
    if (key.length < APPROXIMATE_FROM_LENGTH) continue;
    const near = nearestKnownMake(key);
    if (near) return { make: near.make, tier: near.tier, match: "approximate" };
  }
  return { make: null, tier: DEFAULT_MAKE_TIER, match: "unknown" };
}

// Typos are forgiven against the makes and their aliases, not against two-letter forms like "vw".
const APPROXIMATE_CANDIDATES = [
  ...[...TIER_OF_KEY].map(([key, known]) => ({ key, ...known })),
  ...[...ALIAS_OF_KEY].map(([key, make]) => ({ key, ...TIER_OF_KEY.get(squashLabel(make))! })),
].filter(({ key }) => key.length >= APPROXIMATE_FROM_LENGTH - 1);

/** The one known make within the allowed edits of `key`; none when two makes are equally near. */
function nearestKnownMake(key: string): { make: string; tier: MakeTier } | undefined {
  const limit = allowedEdits(key);
  let best: { make: string; tier: MakeTier } | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  for (const candidate of APPROXIMATE_CANDIDATES) {
    const distance = editDistance(key, candidate.key, limit);
    if (distance < bestDistance) {
      best = { make: candidate.make, tier: candidate.tier };
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && distance <= limit && best?.make !== candidate.make) tied = true;
  }
  return tied ? undefined : best;
}
