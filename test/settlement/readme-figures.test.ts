import { describe, expect, it } from "vitest";
import { NEW_PRICE_CENTS_BY_SEGMENT, TIER_PRICE_FACTOR } from "../../src/domain/settlement/new-vehicle-price";
import readme from "../../src/domain/settlement/README.md?raw";
import { REPAIR_PROFILES, repairCostCents } from "../../src/domain/settlement/repair-estimate";
import { formatUsd } from "../../src/domain/settlement/usd";
import { MAKE_TIERS, MAKES_BY_TIER } from "../../src/domain/settlement/vehicle-make";
import { VEHICLE_SEGMENTS } from "../../src/domain/settlement/vehicle-segment";

// The README is the documented price guide: it must say what the code computes.
const tableRow = (first: string): string[] => {
  const line = readme.split("\n").find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`README has no table row for ${first}`);
  return line
    .split("|")
    .slice(2, -1)
    .map((cell) => cell.trim());
};

describe("src/domain/settlement/README.md", () => {
  it.each(VEHICLE_SEGMENTS)("states the new price of a %s", (segment) => {
    expect(`${tableRow(segment)[0]}.00`).toBe(formatUsd(NEW_PRICE_CENTS_BY_SEGMENT[segment]));
  });

  it.each(MAKE_TIERS)("lists the %s makes and their price factor", (tier) => {
    const [factor, makes] = tableRow(tier);
    expect(Number(factor)).toBe(TIER_PRICE_FACTOR[tier]);
    expect(makes!.split(", ")).toEqual(MAKES_BY_TIER[tier]);
  });

  it.each(["minor", "moderate", "severe"] as const)(
    "states the %s repair profile and its cost on a mainstream sedan",
    (severity) => {
      const [hours, parts, days, cost] = tableRow(severity);
      const profile = REPAIR_PROFILES[severity];
      expect(Number(hours)).toBe(profile.labourHours);
      expect(parts).toBe(`${Math.round(profile.partsShareOfNewPrice * 100)}% of the new price`);
      expect(Number(days)).toBe(profile.repairDays);
      expect(cost).toBe(
        formatUsd(
          repairCostCents(severity, {
            segment: "sedan",
            makeTier: "mainstream",
            newPriceCents: NEW_PRICE_CENTS_BY_SEGMENT.sedan,
          }),
        ),
      );
    },
  );
});
