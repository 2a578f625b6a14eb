import { type ImageHeader, inspectImage } from "../../src/domain/photo/image-header";

/** The header of an image a test made, which must parse. */
export const header = (bytes: Uint8Array): ImageHeader => {
  const r = inspectImage(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** Mean absolute difference of two pixel buffers of the same length. */
export const meanAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
};
