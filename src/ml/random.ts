/** Deterministic PRNG (mulberry32): the same random state gives the same models on every host. */
export class Rng {
  private state: number;
  constructor(randomState: number) {
    this.state = randomState >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
  /** k distinct integers from [0, n), in random order. */
  sample(n: number, k: number): number[] {
    const all = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < Math.min(k, n); i++) {
      const j = i + this.int(n - i);
      const tmp = all[i] as number;
      all[i] = all[j] as number;
      all[j] = tmp;
    }
    return all.slice(0, Math.min(k, n));
  }
}

export interface Split {
  train: number[];
  validation: number[];
  test: number[];
}

/** Stratified train/validation/test split of row indices by binary label (fractions of each class). */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  fractions: { validation: number; test: number },
  randomState: number,
): Split {
  const rng = new Rng(randomState);
  const split: Split = { train: [], validation: [], test: [] };
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < labels.length; i++) if ((labels[i] as number) === cls) idx.push(i);
    rng.shuffle(idx);
    const nTest = Math.round(idx.length * fractions.test);
    const nVal = Math.round(idx.length * fractions.validation);
    split.test.push(...idx.slice(0, nTest));
    split.validation.push(...idx.slice(nTest, nTest + nVal));
    split.train.push(...idx.slice(nTest + nVal));
  }
  split.train.sort((a, b) => a - b);
  split.validation.sort((a, b) => a - b);
  split.test.sort((a, b) => a - b);
  return split;
}

/** Random (unstratified) split, for regression targets. */
export function randomSplit(n: number, fractions: { validation: number; test: number }, randomState: number): Split {
  const idx = new Rng(randomState).shuffle(Array.from({ length: n }, (_, i) => i));
  const nTest = Math.round(n * fractions.test);
  const nVal = Math.round(n * fractions.validation);
  const sort = (a: number[]) => a.sort((x, y) => x - y);
  return {
    test: sort(idx.slice(0, nTest)),
    validation: sort(idx.slice(nTest, nTest + nVal)),
    train: sort(idx.slice(nTest + nVal)),
  };
}
