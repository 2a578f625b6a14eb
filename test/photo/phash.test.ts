import { describe, expect, it } from "vitest";
import { inspectImage } from "../../src/domain/photo/image-header";
import {
  hammingDistance,
  isNearDuplicate,
  isPerceptualHash,
  NEAR_DUPLICATE_MAX_DISTANCE,
  perceptualHash,
  perceptualHashBands,
} from "../../src/domain/photo/phash";
import { decodePhoto } from "../../src/image/decode";
import { encodeJpeg, gaussianBlur, makeScene, mapColours, resize } from "./scene";

describe("hammingDistance", () => {
  it.each([
    ["0000000000000000", "0000000000000000", 0],
    ["ffffffffffffffff", "0000000000000000", 64],
    ["8000000000000001", "0000000000000000", 2],
    ["0123456789abcdef", "0123456789ABCDEF", 0],
    ["f0f0f0f0f0f0f0f0", "0f0f0f0f0f0f0f0f", 64],
    ["00000000000000ff", "0000000000000000", 8],
    ["00000000000001ff", "0000000000000000", 9],
    ["000000000000007f", "0000000000000000", 7],
  ])("%s vs %s → %i", (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
    expect(isNearDuplicate(a, b)).toBe(d <= NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it.each(["", "123", "zzzzzzzzzzzzzzzz", "0123456789abcdef0"])("refuses %j", (bad) => {
    expect(() => hammingDistance(bad, "0000000000000000")).toThrow(RangeError);
  });
});

describe("perceptualHash", () => {
  const original = makeScene(1024, 768, 11);
  const hash = perceptualHash(original);

  it("is 16 hex digits and deterministic", () => {
    expect(isPerceptualHash(hash)).toBe(true);
    expect(perceptualHash(original)).toBe(hash);
  });

  it.each([
    ["resized to 640x480", () => resize(original, 640, 480)],
    ["resized to 333x250", () => resize(original, 333, 250)],
    ["brightened 10%", () => mapColours(original, (v) => v * 1.1)],
    ["darkened 20%", () => mapColours(original, (v) => v * 0.8)],
    ["contrast lowered", () => mapColours(original, (v) => 0.7 * v + 40)],
    ["slightly blurred", () => gaussianBlur(resize(original, 512, 384), 1)],
  ])("stays near when %s", (_name, make) => {
    const d = hammingDistance(hash, perceptualHash(make()));
    expect(d).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it("stays near after a JPEG round trip at quality 60 (encode → inspect → decode)", async () => {
    const jpeg = await encodeJpeg(original, 60);
    const header = inspectImage(jpeg);
    if (!header.ok) throw new Error(header.error.message);
    const decoded = await decodePhoto(jpeg, header.value);
    expect(hammingDistance(hash, perceptualHash(decoded))).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it.each([11 + 1, 11 + 2, 11 + 3, 99])("a different scene (seed %i) is not a near duplicate", (seed) => {
    const other = perceptualHash(makeScene(1024, 768, seed));
    expect(hammingDistance(hash, other)).toBeGreaterThan(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it("a mirrored photo is not treated as the same photo", () => {
    const { width: w, height: h, data } = original;
    const mirrored = new Uint8ClampedArray(data.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        mirrored.set(data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (y * w + (w - 1 - x)) * 4);
    expect(isNearDuplicate(hash, perceptualHash({ width: w, height: h, data: mirrored }))).toBe(false);
  });
});

describe("perceptualHashBands (candidate lookup in D1)", () => {
  it("splits the hash into its 8 bytes", () => {
    expect(perceptualHashBands("0123456789abcdef")).toEqual([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
  });

  it("any two hashes within the threshold share at least one band", () => {
    let seed = 3;
    const bit = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed >>> 26;
    };
    for (let t = 0; t < 500; t++) {
      const a = Array.from({ length: 16 }, () => (bit() & 15).toString(16)).join("");
      let b = BigInt(`0x${a}`);
      for (let k = 0; k < NEAR_DUPLICATE_MAX_DISTANCE; k++) b ^= 1n << BigInt(bit());
      const bHex = b.toString(16).padStart(16, "0");
      expect(hammingDistance(a, bHex)).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
      const [ba, bb] = [perceptualHashBands(a), perceptualHashBands(bHex)];
      expect(ba.some((v, i) => v === bb[i])).toBe(true);
    }
  });
});
