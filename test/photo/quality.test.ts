import { describe, expect, it } from "vitest";
import {
  assessPhotoQuality,
  assessQuality,
  measureQuality,
  QUALITY_GUIDANCE,
  QUALITY_THRESHOLD,
  workingLuma,
} from "../../src/domain/photo/quality";
import { gaussianBlur, makeScene, mapColours, meanOfLuma } from "./scene";

// 1024x768 scene: the working copy is 512x384, so σ below is about twice the working-copy blur.
const sharp = makeScene(1024, 768, 7);
const mean = meanOfLuma(sharp);
const variants = {
  sharp,
  "blur σ=4": gaussianBlur(sharp, 4),
  "blur σ=8": gaussianBlur(sharp, 8),
  "blur σ=12": gaussianBlur(sharp, 12),
  "dark ×0.5": mapColours(sharp, (v) => v * 0.5),
  "dark ×0.2": mapColours(sharp, (v) => v * 0.2),
  "dark ×0.12": mapColours(sharp, (v) => v * 0.12),
  "washed out": mapColours(sharp, (v) => 0.3 * v + 0.7 * 235),
  "low contrast": mapColours(sharp, (v) => mean + 0.2 * (v - mean)),
  overexposed: mapColours(sharp, (v) => 2.6 * v + 50),
};
const assessed = Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, assessPhotoQuality(v)])) as Record<
  keyof typeof variants,
  ReturnType<typeof assessPhotoQuality>
>;

describe("quality gate on a synthetic scene and its degraded copies", () => {
  it.each([
    ["sharp", true, []],
    ["blur σ=4", false, [QUALITY_GUIDANCE.blurry]],
    ["blur σ=8", false, [QUALITY_GUIDANCE.blurry]],
    ["blur σ=12", false, [QUALITY_GUIDANCE.blurry]],
    ["dark ×0.5", true, []],
    ["dark ×0.2", false, [QUALITY_GUIDANCE.dark]],
    ["dark ×0.12", false, [QUALITY_GUIDANCE.dark]],
    ["washed out", false, [QUALITY_GUIDANCE.overexposed]],
    ["low contrast", false, [QUALITY_GUIDANCE.lowContrast]],
    ["overexposed", false, [QUALITY_GUIDANCE.overexposed]],
  ] as const)("%s → passed=%s %j", (name, passed, issues) => {
    const q = assessed[name];
    expect(q.passed).toBe(passed);
    expect(q.issues).toEqual(issues);
    expect(q.qualityScore >= QUALITY_THRESHOLD).toBe(passed);
    if (passed) expect(q.feedback).toBeUndefined();
    else expect(q.feedback).toMatch(/^Please retake the photo/);
  });

  it("scores stay in 0..1 with two decimals", () => {
    for (const q of Object.values(assessed))
      for (const v of [q.qualityScore, q.breakdown.sharpness, q.breakdown.brightness, q.breakdown.contrast]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(Math.round(v * 100) / 100).toBe(v);
      }
  });

  it("sharpness falls as blur grows; exposure changes leave it alone", () => {
    const s = (k: keyof typeof variants) => assessed[k].breakdown.sharpness;
    expect(s("sharp")).toBeGreaterThan(s("blur σ=4"));
    expect(s("blur σ=4")).toBeGreaterThanOrEqual(s("blur σ=8"));
    expect(s("blur σ=8")).toBeGreaterThanOrEqual(s("blur σ=12"));
    expect(Math.abs(s("dark ×0.5") - s("sharp"))).toBeLessThan(0.1);
  });

  it("brightness orders normal > dim > dark, and penalises overexposure", () => {
    const b = (k: keyof typeof variants) => assessed[k].breakdown.brightness;
    expect(b("sharp")).toBeGreaterThan(b("dark ×0.5"));
    expect(b("dark ×0.5")).toBeGreaterThan(b("dark ×0.2"));
    expect(b("dark ×0.2")).toBeGreaterThanOrEqual(b("dark ×0.12"));
    expect(b("sharp")).toBeGreaterThan(b("overexposed"));
  });

  it("contrast orders normal > washed out / low contrast", () => {
    const c = (k: keyof typeof variants) => assessed[k].breakdown.contrast;
    expect(c("sharp")).toBeGreaterThan(c("low contrast"));
    expect(c("sharp")).toBeGreaterThan(c("washed out"));
    expect(c("low contrast")).toBeLessThan(QUALITY_THRESHOLD);
  });

  it("the quality score of a degraded copy is below the original's", () => {
    for (const [name, q] of Object.entries(assessed))
      if (name !== "sharp") expect(q.qualityScore).toBeLessThan(assessed.sharp.qualityScore);
  });

  it("a flat grey frame (lens cap, covered camera) fails", () => {
    const flat = { width: 640, height: 480, data: new Uint8ClampedArray(640 * 480 * 4).fill(128) };
    const q = assessPhotoQuality(flat);
    expect(q.passed).toBe(false);
    expect(q.issues).toContain(QUALITY_GUIDANCE.blurry);
  });

  it("is independent of resolution: the same scene at 2048 and 640 px scores alike", () => {
    const big = assessPhotoQuality(makeScene(2048, 1536, 3));
    const small = assessPhotoQuality(makeScene(640, 480, 3));
    expect(big.passed && small.passed).toBe(true);
    expect(workingLuma(makeScene(2048, 1536, 3)).width).toBe(512);
  });
});

describe("assessQuality on raw measures (the weakest-link rule)", () => {
  const good = measureQuality(workingLuma(sharp));
  it.each([
    ["good photo", {}, true],
    ["pitch black", { meanLuma: 3, stdLuma: 2, clippedHigh: 0 }, false],
    ["white sheet", { meanLuma: 252, stdLuma: 4, clippedHigh: 0.95 }, false],
    ["no fine detail", { laplacianVar: 0.01 }, false],
    ["mostly blown highlights", { clippedHigh: 0.7 }, false],
  ] as const)("%s", (_name, patch, passed) => {
    expect(assessQuality({ ...good, ...patch }).passed).toBe(passed);
  });

  it("one failing measure is enough to fail, whatever the others", () => {
    const q = assessQuality({ ...good, laplacianVar: good.stdLuma ** 2 / 2 ** 8 });
    expect(q.breakdown.brightness).toBeGreaterThan(0.6);
    expect(q.breakdown.sharpness).toBeLessThan(QUALITY_THRESHOLD);
    expect(q.qualityScore).toBeLessThan(QUALITY_THRESHOLD);
    expect(q.issues).toEqual([QUALITY_GUIDANCE.blurry]);
    expect(q.feedback).toBe("Please retake the photo with a steady hand.");
  });
});

describe("byte-wise fallback (misaligned pixel buffer)", () => {
  it("measures the same as the 32-bit path", () => {
    const shifted = new Uint8ClampedArray(sharp.data.length + 1).subarray(1);
    shifted.set(sharp.data);
    expect(assessPhotoQuality({ ...sharp, data: shifted })).toEqual(assessed.sharp);
  });
});
