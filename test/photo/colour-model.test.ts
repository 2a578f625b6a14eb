import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import spec from "../../models/colour/colour-classifier.json";
import colourModel from "../../models/colour/colour-classifier.onnx";
import parityJson from "../../models/colour/parity.json";
import { CAR_COLOURS } from "../../src/domain/photo/car-colour";
import { damageModelInput } from "../../src/domain/photo/preprocess";
import { COLOUR_MODEL_KEY, classifyCarColour } from "../../src/image/colour-model";
import { runPhotoClassifier } from "../../src/image/photo-classifier";
import {
  type ClassifierParity,
  decodeRealPhoto,
  heldOutPhotoLoaders,
  maxAbsDiff,
  parityImage,
} from "./photo-classifier-fixtures";
import { makeScene } from "./scene";

const parity = parityJson as ClassifierParity;
const sharedPhotos = import.meta.glob<ArrayBuffer>("../../../shared/data/car_colors/training/*/*.jpg", {
  import: "default",
});
const heldOut = heldOutPhotoLoaders(sharedPhotos, parity.held_out_photos);

beforeAll(async () => {
  await env.MODELS.put(COLOUR_MODEL_KEY, colourModel);
});

describe("car colour classifier inside workerd (ONNX from R2, onnxruntime-web)", () => {
  it("answers in the domain's nine colours, silver standing for grey", () => {
    expect(spec.output.labels).toEqual([...CAR_COLOURS]);
  });

  it.each(parity.images.map((c) => [c.name, c] as const))(
    "gives training's probabilities on the generated image %s",
    async (_name, c) => {
      const image = parityImage(c);
      const fromImage = await classifyCarColour(env, image);
      const fromTensor = await classifyCarColour(env, damageModelInput(image));
      expect(
        maxAbsDiff(
          CAR_COLOURS.map((k) => fromImage.probabilities[k]),
          c.probabilities,
        ),
      ).toBeLessThan(1e-4);
      expect(fromTensor.probabilities).toEqual(fromImage.probabilities);
      expect(fromImage.label).toBe(CAR_COLOURS[c.probabilities.indexOf(Math.max(...c.probabilities))]);
      expect(fromImage.modelVersion).toBe(spec.model_version);
    },
  );

  it("classifies a generated 1280x960 photo-like scene into one of the nine colours with probabilities summing to 1", async () => {
    const p = await classifyCarColour(env, makeScene(1280, 960, 3));
    expect(CAR_COLOURS).toContain(p.label);
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p.confidence).toBe(Math.max(...Object.values(p.probabilities)));
  });

  it("fails clearly when the model is missing from R2, and loads it once it is there", async () => {
    const key = `colour/missing-${crypto.randomUUID()}.onnx`;
    const input = damageModelInput(makeScene(320, 320, 1));
    await expect(runPhotoClassifier(env, key, spec, input)).rejects.toThrow(/missing from R2/);
    await env.MODELS.put(key, colourModel);
    expect((await runPhotoClassifier(env, key, spec, input)).length).toBe(CAR_COLOURS.length);
  });
});

describe("car colour of real held-out photos (../shared/data/car_colors)", () => {
  if (heldOut.length === 0) {
    it.skip("../shared/data/car_colors is absent: real-photo checks skipped", () => {});
    return;
  }

  it(`names the known colour of held-out photos (${heldOut.length}, the first per colour by file hash, right or wrong in training's run)`, async () => {
    let right = 0;
    for (const { photo, load } of heldOut) {
      const p = await classifyCarColour(env, await decodeRealPhoto(await load()));
      // The Worker reproduces what training measured in Node for this photo...
      expect(
        maxAbsDiff(
          CAR_COLOURS.map((k) => p.probabilities[k]),
          photo.probabilities,
        ),
        photo.file,
      ).toBeLessThan(1e-3);
      // ...and that is the photo's real colour wherever training found it right.
      const trainingRight = CAR_COLOURS[photo.probabilities.indexOf(Math.max(...photo.probabilities))] === photo.label;
      if (trainingRight) expect(p.label, photo.file).toBe(photo.label);
      if (p.label === photo.label) right++;
    }
    expect(right / heldOut.length).toBeGreaterThanOrEqual(0.8);
  });
});
