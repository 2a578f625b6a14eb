import { describe, expect, it } from "vitest";
import { jpegDecodeScale, scaledSize } from "../../src/domain/photo/decode-scale";

const needs = { longSide: 512, shortSide: 224 };

describe("jpegDecodeScale: the smallest DCT scale that keeps what the quality gate and the model read", () => {
  it.each([
    // width, height, scale, why
    [1280, 960, 1 / 2, "640×480 keeps a 512 long side"],
    [960, 1280, 1 / 2, "portrait: same"],
    [4032, 3024, 1 / 4, "a phone's 12 MP photo: 1008×756"],
    [8000, 6000, 1 / 8, "1000×750"],
    [1024, 768, 1 / 2, "exactly 512 long side at 1/2"],
    [1022, 768, 1, "1/2 would give a 511 long side"],
    [800, 600, 1, "already under twice the working size"],
    [320, 320, 1, "the smallest accepted photo"],
    [2000, 440, 1, "a panorama: 1/2 would give a 220 short side"],
    [2000, 448, 1 / 2, "a panorama whose short side stays 224"],
  ])("%i×%i → %f (%s)", (width, height, scale) => {
    expect(jpegDecodeScale(width, height, needs)).toBe(scale);
    const out = scaledSize(width, height, scale);
    expect(Math.max(out.width, out.height)).toBeGreaterThanOrEqual(Math.min(512, Math.max(width, height)));
    expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(Math.min(224, Math.min(width, height)));
  });

  it("rounds scaled sizes up as libjpeg does", () => {
    expect(scaledSize(1281, 961, 1 / 2)).toEqual({ width: 641, height: 481 });
  });
});
