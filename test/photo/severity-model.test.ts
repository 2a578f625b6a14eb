import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import parityJson from "../../models/severity/parity.json";
import spec from "../../models/severity/severity-classifier.json";
import severityModel from "../../models/severity/severity-classifier.onnx";
import { damageModelInput } from "../../src/domain/photo/preprocess";
import { DAMAGE_SEVERITIES } from "../../src/domain/settlement/damage-severity";
import { classifyDamageSeverity, SEVERITY_MODEL_KEY } from "../../src/image/severity-model";
import {
  type ClassifierParity,
  decodeRealPhoto,
  heldOutPhotoLoaders,
  maxAbsDiff,
  parityImage,
} from "./photo-classifier-fixtures";
import { makeScene } from "./scene";

const parity = parityJson as ClassifierParity;
const sharedPhotos = import.meta.glob<ArrayBuffer>("../../../shared/data/damage_severity/validation/*/*.jpg", {
  import: "default",
});
const heldOut = heldOutPhotoLoaders(sharedPhotos, parity.held_out_photos);

beforeAll(async () => {
  await env.MODELS.put(SEVERITY_MODEL_KEY, severityModel);
});

describe("damage severity classifier inside workerd (ONNX from R2, onnxruntime-web)", () => {
  it("answers minor, moderate or severe", () => {
    expect(spec.output.labels).toEqual([...DAMAGE_SEVERITIES]);
  });

  it.each(parity.images.map((c) => [c.name, c] as const))(
    "gives training's probabilities on the generated image %s",
    async (_name, c) => {
      const image = parityImage(c);
      const fromImage = await classifyDamageSeverity(env, image);
      const fromTensor = await classifyDamageSeverity(env, damageModelInput(image));
      expect(
        maxAbsDiff(
          DAMAGE_SEVERITIES.map((k) => fromImage.probabilities[k]),
          c.probabilities,
        ),
      ).toBeLessThan(1e-4);
      expect(fromTensor.probabilities).toEqual(fromImage.probabilities);
      expect(fromImage.modelVersion).toBe(spec.model_version);
    },
  );

  it("classifies a generated 1280x960 photo-like scene with probabilities summing to 1", async () => {
    const p = await classifyDamageSeverity(env, makeScene(1280, 960, 11));
    expect(DAMAGE_SEVERITIES).toContain(p.label);
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it("refuses an input tensor of the wrong size", async () => {
    await expect(classifyDamageSeverity(env, new Float32Array(3 * 100 * 100))).rejects.toThrow();
  });
});

describe("damage severity of real held-out photos (../shared/data/damage_severity/validation)", () => {
  if (heldOut.length === 0) {
    it.skip("../shared/data/damage_severity is absent: real-photo checks skipped", () => {});
    return;
  }

  it(`reproduces training's held-out predictions on ${heldOut.length} photos (the first per class by file hash)`, async () => {
    let right = 0;
    for (const { photo, load } of heldOut) {
      const p = await classifyDamageSeverity(env, await decodeRealPhoto(await load()));
      expect(
        maxAbsDiff(
          DAMAGE_SEVERITIES.map((k) => p.probabilities[k]),
          photo.probabilities,
        ),
        photo.file,
      ).toBeLessThan(1e-3);
      expect(p.label, photo.file).toBe(
        DAMAGE_SEVERITIES[photo.probabilities.indexOf(Math.max(...photo.probabilities))],
      );
      if (p.label === photo.label) right++;
    }
    expect(right).toBeGreaterThan(heldOut.length / 3); // better than chance over three classes
  });
});
