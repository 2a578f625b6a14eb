import type { PhotoRejection } from "./errors";
import { fitLongSide, type GreyImage, lumaResized, type RgbaImage } from "./image";

/** Quality is measured on a luma copy whose long side is at most this, so the measures do not depend on resolution. */
export const QUALITY_WORKING_SIDE = 512;

/** Raw measures on the working copy (luma 0..255). */
export interface QualityMeasures {
  width: number;
  height: number;
  meanLuma: number;
  stdLuma: number;
  p2: number;
  p50: number;
  p98: number;
  clippedHigh: number;
  clippedLow: number;
  laplacianVar: number;
}

export function workingLuma(image: RgbaImage): GreyImage {
  const size = fitLongSide(image.width, image.height, QUALITY_WORKING_SIDE);
  return lumaResized(image, size.width, size.height);
}

export function measureQuality(grey: GreyImage): QualityMeasures {
  const { data, width: w, height: h } = grey;
  const n = w * h;
  const lumaHist = new Uint32Array(256);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    sum += v;
    sumSq += v * v;
    lumaHist[v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v)]!++;
  }
  const mean = sum / n;
  const std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));

  // 4-neighbour Laplacian over the interior: the fine detail that blur removes.
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < h - 1; y++) {
    const row = y * w;
    for (let x = 1; x < w - 1; x++) {
      const i = row + x;
      const lap = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const lapMean = count ? lapSum / count : 0;
  return {
    width: w,
    height: h,
    meanLuma: mean,
    stdLuma: std,
    p2: percentile(lumaHist, n, 0.02),
    p50: percentile(lumaHist, n, 0.5),
    p98: percentile(lumaHist, n, 0.98),
    clippedHigh: tail(lumaHist, 250, 255) / n,
    clippedLow: tail(lumaHist, 0, 5) / n,
    laplacianVar: count ? lapSq / count - lapMean * lapMean : 0,
  };
}

function percentile(hist: Uint32Array, total: number, q: number): number {
  const target = q * total;
  let acc = 0;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i]!;
    if (acc >= target) return i;
  }
  return hist.length - 1;
}

function tail(hist: Uint32Array, from: number, to: number): number {
  let acc = 0;
  for (let i = from; i <= to; i++) acc += hist[i]!;
  return acc;
}

/** quality_score < 0.4 → 400 QUALITY_TOO_LOW, no record. */
export const QUALITY_THRESHOLD = 0.4;

/**
 * Calibrated curves (scripts/calibrate-quality.ts, models/quality/CALIBRATION.md). Each maps a raw
 * measure linearly so that `boundary` scores exactly 0.4 (the gate) and `good` scores 1.
 */
export const QUALITY_CURVES = {
  /** log2(Laplacian variance / luma variance): fine detail left relative to the scene's contrast; blur lowers it, exposure does not. */
  sharpness: { boundary: -6, good: 0 },
  /** Mean luma 0..255, too dark side. */
  dark: { boundary: 40, good: 110 },
  /** Mean luma 0..255, too bright side. */
  bright: { boundary: 210, good: 150 },
  /** Share of pixels at luma >= 250 (blown highlights). */
  clipped: { boundary: 0.45, good: 0.05 },
  /** RMS contrast relative to mean luma: std / max(mean, 16). */
  contrast: { boundary: 0.22, good: 0.55 },
} as const;

/** Low contrast above this mean luma is reported as washed out rather than flat. */
export const WASHED_OUT_MEAN_LUMA = 160;

export const QUALITY_WEIGHTS = { sharpness: 0.5, brightness: 0.25, contrast: 0.25 } as const;

export const QUALITY_GUIDANCE = {
  blurry: "Image too blurry - hold camera steady",
  dark: "Image too dark - move to a brighter spot or turn on a light",
  overexposed: "Image overexposed/washed out - avoid direct light",
  lowContrast: "Low contrast - make sure the damaged area fills the frame and is evenly lit",
} as const;

export const QUALITY_FEEDBACK = {
  blurry: "Please retake the photo with a steady hand.",
  dark: "Please retake the photo in better light.",
  overexposed: "Please retake the photo out of direct sunlight or glare.",
  lowContrast: "Please retake the photo closer to the damage, with even light.",
  several: "Please retake the photo: hold the camera steady, in good, even light.",
} as const;

export interface QualityBreakdown {
  sharpness: number;
  brightness: number;
  contrast: number;
}

export interface QualityAssessment {
  qualityScore: number;
  breakdown: QualityBreakdown;
  passed: boolean;
  /** Guidance strings, one per failing measure (the error's `issues`). */
  issues: string[];
  /** One line for the client (the error's `feedback`); absent when the photo passed. */
  feedback?: string;
}

/** The whole gate on decoded pixels: luma working copy → measures → scores. */
export function assessPhotoQuality(image: RgbaImage): QualityAssessment {
  return assessQuality(measureQuality(workingLuma(image)));
}

export function assessQuality(m: QualityMeasures): QualityAssessment {
  const c = QUALITY_CURVES;
  const relativeDetail = Math.log2(Math.max(m.laplacianVar, 1e-6) / Math.max(m.stdLuma * m.stdLuma, 1));
  const sharpness = ramp(relativeDetail, c.sharpness);
  const darkScore = ramp(m.meanLuma, c.dark);
  const brightScore = Math.min(ramp(m.meanLuma, c.bright), ramp(m.clippedHigh, c.clipped));
  const brightness = Math.min(darkScore, brightScore);
  const contrast = ramp(m.stdLuma / Math.max(m.meanLuma, 16), c.contrast);

  const breakdown = { sharpness: round2(sharpness), brightness: round2(brightness), contrast: round2(contrast) };
  const weighted =
    QUALITY_WEIGHTS.sharpness * breakdown.sharpness +
    QUALITY_WEIGHTS.brightness * breakdown.brightness +
    QUALITY_WEIGHTS.contrast * breakdown.contrast;
  // Weakest-link cap: any measure under the gate pulls the score under the gate; above it, the weighted mean rules.
  const weakest = Math.min(breakdown.sharpness, breakdown.brightness, breakdown.contrast);
  const qualityScore = round2(clamp01(Math.min(weighted, 2 * weakest - QUALITY_THRESHOLD)));

  const issues: string[] = [];
  const kinds: Array<keyof typeof QUALITY_FEEDBACK> = [];
  const flag = (kind: keyof typeof QUALITY_GUIDANCE) => {
    issues.push(QUALITY_GUIDANCE[kind]);
    kinds.push(kind);
  };
  if (breakdown.sharpness < QUALITY_THRESHOLD) flag("blurry");
  if (breakdown.brightness < QUALITY_THRESHOLD) flag(darkScore <= brightScore ? "dark" : "overexposed");
  // A flat photo that is also bright is washed out (glare, haze): name that cause, and only once.
  if (breakdown.contrast < QUALITY_THRESHOLD) {
    const kind = m.meanLuma >= WASHED_OUT_MEAN_LUMA ? "overexposed" : "lowContrast";
    if (!kinds.includes(kind)) flag(kind);
  }

  const passed = qualityScore >= QUALITY_THRESHOLD;
  const feedback = passed ? undefined : QUALITY_FEEDBACK[kinds.length === 1 ? kinds[0]! : "several"];
  return passed
    ? { qualityScore, breakdown, passed, issues: [] }
    : { qualityScore, breakdown, passed, issues, feedback };
}

function ramp(x: number, curve: { boundary: number; good: number }): number {
  return clamp01(QUALITY_THRESHOLD + ((1 - QUALITY_THRESHOLD) * (x - curve.boundary)) / (curve.good - curve.boundary));
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round2 = (v: number) => Math.round(v * 100) / 100;

/** The 400 QUALITY_TOO_LOW rejection (no record is written for it). */
export function qualityRejection(q: QualityAssessment): PhotoRejection {
  return {
    code: "QUALITY_TOO_LOW",
    message: "Image quality insufficient for automated processing",
    details: { quality_score: q.qualityScore, quality_breakdown: q.breakdown, issues: q.issues },
    feedback: q.feedback ?? QUALITY_FEEDBACK.several,
  };
}
