/**
 * Evaluates the integer pixel formulas of the damage model's parity images
 * ("(7*x + 3*y) % 256"): + - * // % ** and parentheses over x, y and integers, with Python's
 * floor semantics. workerd forbids eval, hence this small parser.
 */
export function compileFormula(source: string): (x: number, y: number) => number {
  const tokens = source.match(/\d+|\*\*|\/\/|[-+*/%()xy]/g) ?? [];
  if (tokens.join("") !== source.replace(/\s+/g, "")) throw new Error(`unsupported formula: ${source}`);
  type Node = (x: number, y: number) => number;
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++]!;
  const mod = (a: number, b: number) => ((a % b) + b) % b;
  const atom = (): Node => {
    const t = take();
    if (t === "(") {
      const inner = sum();
      if (take() !== ")") throw new Error(`missing ) in ${source}`);
      return inner;
    }
    if (t === "-") {
      const inner = atom();
      return (x, y) => -inner(x, y);
    }
    if (t === "x") return (x) => x;
    if (t === "y") return (_x, y) => y;
    if (/^\d+$/.test(t)) {
      const v = Number(t);
      return () => v;
    }
    throw new Error(`unexpected ${t} in ${source}`);
  };
  const power = (): Node => {
    const base = atom();
    if (peek() !== "**") return base;
    take();
    const exp = power();
    return (x, y) => base(x, y) ** exp(x, y);
  };
  const product = (): Node => {
    let left = power();
    while (peek() === "*" || peek() === "%" || peek() === "//") {
      const op = take();
      const l = left;
      const r = power();
      left =
        op === "*"
          ? (x, y) => l(x, y) * r(x, y)
          : op === "%"
            ? (x, y) => mod(l(x, y), r(x, y))
            : (x, y) => Math.floor(l(x, y) / r(x, y));
    }
    return left;
  };
  const sum = (): Node => {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const l = left;
      const r = product();
      left = op === "+" ? (x, y) => l(x, y) + r(x, y) : (x, y) => l(x, y) - r(x, y);
    }
    return left;
  };
  const node = sum();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${source}`);
  return node;
}

export function formulaImage(width: number, height: number, formula: { r: string; g: string; b: string }) {
  const [r, g, b] = [formula.r, formula.g, formula.b].map(compileFormula) as [
    ReturnType<typeof compileFormula>,
    ReturnType<typeof compileFormula>,
    ReturnType<typeof compileFormula>,
  ];
  const data = new Uint8ClampedArray(width * height * 4);
  // numpy casts to uint8 by wrapping (astype), not clamping
  const u8 = (v: number) => ((v % 256) + 256) % 256;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = u8(r(x, y));
      data[i + 1] = u8(g(x, y));
      data[i + 2] = u8(b(x, y));
      data[i + 3] = 255;
    }
  return { data, width, height };
}
