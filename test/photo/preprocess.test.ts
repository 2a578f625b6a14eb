/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import type { RgbaImage } from "../../src/domain/photo/image";
import { DAMAGE_INPUT_SIZE, damageModelInput } from "../../src/domain/photo/preprocess";
import { formulaImage } from "./formula";
import { makeScene } from "./scene";

/** The spec written the slow, obvious way: per output pixel, the mean of its source block. */
function reference(image: RgbaImage, size = DAMAGE_INPUT_SIZE): Float32Array {
  const { width: W, height: H, data } = image;
  const bounds = (src: number, o: number) => {
    const s = Math.floor((o * src) / size);
    return [s, Math.min(Math.max(Math.floor(((o + 1) * src) / size), s + 1), src)] as const;
  };
  const out = new Float32Array(3 * size * size);
  for (let oy = 0; oy < size; oy++)
    for (let ox = 0; ox < size; ox++) {
      const [y0, y1] = bounds(H, oy);
      const [x0, x1] = bounds(W, ox);
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += data[(y * W + x) * 4 + c]!;
        out[c * size * size + oy * size + ox] = s / ((y1 - y0) * (x1 - x0)) / 127.5 - 1;
      }
    }
  return out;
}

const solid = (w: number, h: number, rgba: [number, number, number, number]): RgbaImage => {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { data, width: w, height: h };
};

describe("damageModelInput (box filter to 224x224, x/127.5-1, NCHW RGB)", () => {
  it("has shape [1,3,224,224]", () => {
    expect(damageModelInput(solid(320, 320, [0, 0, 0, 255])).length).toBe(3 * 224 * 224);
  });

  it.each([
    ["white", [255, 255, 255, 255], [1, 1, 1]],
    ["black", [0, 0, 0, 255], [-1, -1, -1]],
    ["pure red → R plane first", [255, 0, 0, 255], [1, -1, -1]],
    ["pure blue → B plane last", [0, 0, 255, 255], [-1, -1, 1]],
    ["alpha is dropped, not composited", [255, 0, 0, 0], [1, -1, -1]],
    ["mid grey 128", [128, 128, 128, 255], [128 / 127.5 - 1, 128 / 127.5 - 1, 128 / 127.5 - 1]],
  ] as const)("%s", (_name, rgba, planes) => {
    const x = damageModelInput(solid(500, 375, [...rgba]));
    const plane = 224 * 224;
    planes.forEach((v, c) => {
      expect(x[c * plane]).toBeCloseTo(v, 6);
      expect(x[c * plane + plane - 1]).toBeCloseTo(v, 6);
    });
  });

  it("averages whole blocks: a 448x448 checkerboard of 1-px cells becomes flat grey", () => {
    const img = solid(448, 448, [0, 0, 0, 255]);
    for (let y = 0; y < 448; y++)
      for (let x = 0; x < 448; x++) if ((x + y) & 1) img.data.fill(255, (y * 448 + x) * 4, (y * 448 + x) * 4 + 3);
    const x = damageModelInput(img);
    expect(x.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThan(1e-6);
  });

  it.each([
    [1280, 960],
    [640, 480],
    [1000, 333],
    [321, 999],
    [224, 224],
    [200, 150], // upsampling: each source pixel repeats
    [37, 500],
  ])("matches the per-pixel reference exactly at %ix%i", (w, h) => {
    const img = makeScene(w, h, w + h);
    expect(Array.from(damageModelInput(img))).toEqual(Array.from(reference(img)));
  });

  it("keeps the sub-integer precision of block means (no rounding to 8 bits)", () => {
    const img = solid(3 * 224, 224, [0, 0, 0, 255]);
    for (let y = 0; y < 224; y++) img.data[y * 3 * 224 * 4] = 1; // one red pixel of 3 in each first block
    expect(damageModelInput(img)[0]).toBe(Math.fround(1 / 3 / 127.5 - 1));
  });
});

// The model helper's parity images (training/damage/preprocess.py SYNTHETIC) and, when present,
// the expected values it computed with numpy (models/damage/parity.json).
const parityFiles = import.meta.glob("../../models/damage/parity.json", { eager: true, import: "default" });
const parity = Object.values(parityFiles)[0] as unknown;

interface ParityCase {
  name: string;
  width: number;
  height: number;
  formula: { r: string; g: string; b: string };
  first: number[];
  sum: number;
}

function parityCases(doc: unknown): ParityCase[] {
  const list = (
    Array.isArray(doc)
      ? doc
      : ((doc as Record<string, unknown>)?.cases ?? (doc as Record<string, unknown>)?.images ?? [])
  ) as Array<Record<string, unknown>>;
  return list.map((c) => ({
    name: String(c.name),
    width: Number(c.width),
    height: Number(c.height),
    formula: c.formula as ParityCase["formula"],
    first: (c.tensor_first10 ?? c.first10 ?? c.first_10 ?? c.first) as number[],
    sum: Number(c.sum ?? c.tensor_sum ?? c.total),
  }));
}

describe("parity with the model's numpy preprocessing (models/damage/parity.json)", () => {
  const cases = parity === undefined ? [] : parityCases(parity);
  if (cases.length === 0)
    it.skip("models/damage/parity.json is not there yet (the model's training run writes it)", () => {});
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const x = damageModelInput(formulaImage(c.width, c.height, c.formula));
    expect(c.first.length).toBeGreaterThan(0);
    for (const [i, v] of c.first.entries()) expect(x[i]).toBeCloseTo(v, 6);
    let sum = 0;
    for (const v of x) sum += v;
    expect(Math.abs(sum - c.sum)).toBeLessThan(1e-2);
  });

  // Computed on 2026-11-21 by running training/damage/preprocess.py's own to_tensor() on its
  // SYNTHETIC specs (numpy float64 means, cast to float32): exact float32 values expected.
  it.each([
    {
      name: "gradient_640x480",
      width: 640,
      height: 480,
      formula: { r: "(7*x + 3*y) % 256", g: "(x*y) % 256", b: "(x + 2*y + 128) % 256" },
      first10: [
        -0.9607843160629272, -0.8235294222831726, -0.658823549747467, -0.4941176474094391, -0.3294117748737335,
        -0.16470588743686676, 0.0, 0.13725490868091583, 0.27450981736183167, 0.43921568989753723,
      ],
      at_111_57: [-0.5058823823928833, 0.08235294371843338, 0.10762527585029602],
      sum: -1056.2370566023747,
    },
    {
      name: "small_200x150",
      width: 200,
      height: 150,
      formula: { r: "(5*x) % 256", g: "(9*y) % 256", b: "(x + y) % 256" },
      first10: [
        -1.0, -1.0, -0.9607843160629272, -0.9215686321258545, -0.8823529481887817, -0.843137264251709,
        -0.8039215803146362, -0.7647058963775635, -0.7254902124404907, -0.686274528503418,
      ],
      at_111_57: [0.9607843160629272, 0.2078431397676468, -0.027450980618596077],
      sum: 1049.0980987320654,
    },
    {
      name: "large_1280x960",
      width: 1280,
      height: 960,
      formula: { r: "(x + y) % 256", g: "(x*x + y) % 256", b: "(11*y) % 256" },
      first10: [
        -0.9725490212440491, -0.929411768913269, -0.8823529481887817, -0.8392156958580017, -0.7960784435272217,
        -0.7490196228027344, -0.7019608020782471, -0.658823549747467, -0.615686297416687, -0.5686274766921997,
      ],
      at_111_57: [-0.7137255072593689, -0.24156862497329712, -0.003921568859368563],
      sum: -196.8757120531518,
    },
  ])("numpy's values for $name, bit for bit", (c) => {
    const x = damageModelInput(formulaImage(c.width, c.height, c.formula));
    expect(Array.from(x.subarray(0, 10))).toEqual(c.first10);
    expect([0, 1, 2].map((ch) => x[ch * 224 * 224 + 111 * 224 + 57])).toEqual(c.at_111_57);
    let sum = 0;
    for (const v of x) sum += v;
    expect(Math.abs(sum - c.sum)).toBeLessThan(1e-6);
  });

  it("the formula images themselves match training/damage/preprocess.py", () => {
    const img = formulaImage(640, 480, { r: "(7*x + 3*y) % 256", g: "(x*y) % 256", b: "(x + 2*y + 128) % 256" });
    const at = (x: number, y: number) => Array.from(img.data.subarray((y * 640 + x) * 4, (y * 640 + x) * 4 + 3));
    expect(at(0, 0)).toEqual([0, 0, 128]);
    expect(at(100, 7)).toEqual([(700 + 21) % 256, 700 % 256, (100 + 14 + 128) % 256]);
  });
});

describe("byte-wise fallback (misaligned pixel buffer)", () => {
  it("gives the same tensor as the 32-bit path", () => {
    const img = makeScene(333, 250, 4);
    const shifted = new Uint8ClampedArray(img.data.length + 1).subarray(1);
    shifted.set(img.data);
    const misaligned = { ...img, data: shifted };
    expect(Array.from(damageModelInput(misaligned))).toEqual(Array.from(damageModelInput(img)));
  });
});
