/** A classifier's answer over named classes: the most probable class, its probability, and all of them. */
export interface ClassPrediction<L extends string> {
  label: L;
  confidence: number;
  probabilities: Record<L, number>;
}

/**
 * Reads a softmax output in the model's label order. Refuses an output of the wrong length or with
 * a negative or non-finite value (a wrong or corrupted model), and renormalises so the
 * probabilities sum to 1 exactly; ties go to the earlier label.
 */
export function readClassProbabilities<L extends string>(
  labels: readonly L[],
  output: ArrayLike<number>,
): ClassPrediction<L> {
  if (output.length !== labels.length) {
    throw new RangeError(`Expected ${labels.length} class probabilities (${labels.join(", ")}), got ${output.length}`);
  }
  let total = 0;
  for (let i = 0; i < output.length; i++) {
    const p = output[i]!;
    if (!Number.isFinite(p) || p < 0) throw new RangeError(`Class probability ${labels[i]} is ${p}`);
    total += p;
  }
  if (total <= 0) throw new RangeError("Class probabilities sum to 0");
  const probabilities = {} as Record<L, number>;
  let best = 0;
  labels.forEach((label, i) => {
    probabilities[label] = output[i]! / total;
    if (output[i]! > output[best]!) best = i;
  });
  const label = labels[best]!;
  return { label, confidence: probabilities[label], probabilities };
}
