// The PDF object syntax, just enough to check a file's structure before pdf.js opens it:
// tokens, nesting, direct values (numbers, names, strings, references, arrays,
// dictionaries). Every loop is bounded by the input and every recursion by `maxDepth`.

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  name(key: string): string | undefined {
    const v = this.entries.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }
  number(key: string): number | undefined {
    const v = this.entries.get(key);
    return typeof v === "number" ? v : undefined;
  }
}

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfDict | PdfValue[];

/** Thrown when arrays and dictionaries nest deeper than allowed. */
export class NestingTooDeepError extends Error {
  constructor(readonly depth: number) {
    super(`objects nested more than ${depth} levels deep`);
  }
}

const WHITESPACE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITESPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIMITER[c.charCodeAt(0)] = 1;

export const isWhitespace = (c: number | undefined) => c !== undefined && WHITESPACE[c] === 1;
const isRegular = (c: number | undefined) => c !== undefined && WHITESPACE[c] === 0 && DELIMITER[c] === 0;

const latin1 = (bytes: Uint8Array, start: number, end: number) => {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** Index just past a literal string starting at `i` (its "("), honouring nesting and escapes. */
export function skipLiteralString(bytes: Uint8Array, i: number, end: number): number {
  let level = 0;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) level++;
    else if (c === 0x29 && --level === 0) return i + 1;
  }
  return end;
}

/** Index just past a hex string starting at `i` (its "<"). */
function skipHexString(bytes: Uint8Array, i: number, end: number): number {
  for (i++; i < end; i++) if (bytes[i] === 0x3e) return i + 1;
  return end;
}

function skipComment(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && bytes[i] !== 10 && bytes[i] !== 13) i++;
  return i;
}

/** Index of `needle` (ASCII) in bytes[from, to), or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const last = Math.min(bytes.length, to) - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export type Token =
  | { kind: "open-array" | "close-array" | "open-dict" | "close-dict" | "string" }
  | { kind: "name" | "keyword"; text: string }
  | { kind: "number"; value: number; integer: boolean };

/**
 * A tokenizer over bytes[start, end). `next()` returns undefined at the end. Strings and
 * comments are skipped whole (their content is not needed to judge the structure).
 */
export class PdfTokenizer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  next(): Token | undefined {
    const { bytes, end } = this;
    let i = this.pos;
    for (;;) {
      while (i < end && WHITESPACE[bytes[i]!]) i++;
      if (i < end && bytes[i] === 0x25) {
        i = skipComment(bytes, i, end);
        continue;
      }
      break;
    }
    if (i >= end) {
      this.pos = end;
      return undefined;
    }
    const c = bytes[i]!;
    let token: Token;
    if (c === 0x5b) {
      token = { kind: "open-array" };
      i++;
    } else if (c === 0x5d) {
      token = { kind: "close-array" };
      i++;
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      token = { kind: "open-dict" };
      i += 2;
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      token = { kind: "close-dict" };
      i += 2;
    } else if (c === 0x3c) {
      i = skipHexString(bytes, i, end);
      token = { kind: "string" };
    } else if (c === 0x28) {
      i = skipLiteralString(bytes, i, end);
      token = { kind: "string" };
    } else if (c === 0x2f) {
      const start = ++i;
      while (i < end && isRegular(bytes[i]) && i - start < 256) i++;
      token = { kind: "name", text: latin1(bytes, start, i) };
    } else if (isRegular(c)) {
      const start = i;
      while (i < end && isRegular(bytes[i]) && i - start < 256) i++;
      const text = latin1(bytes, start, i);
      const value = Number(text);
      token =
        /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text) && Number.isFinite(value)
          ? { kind: "number", value, integer: /^[+-]?\d+$/.test(text) }
          : { kind: "keyword", text };
    } else {
      // A stray ")", ">", "{" or "}": one byte of nothing.
      token = { kind: "keyword", text: String.fromCharCode(c) };
      i++;
    }
    this.pos = i;
    return token;
  }
}

/** Hex digits from `i` up to ">" (whitespace ignored, an odd last digit padded with 0), and the index after the ">". */
export function decodeHex(bytes: Uint8Array, i: number, end: number): { bytes: Uint8Array; next: number } {
  const out: number[] = [];
  let high = -1;
  for (; i < end && bytes[i] !== 0x3e; i++) {
    const c = bytes[i]!;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (d < 0) continue;
    if (high < 0) high = d;
    else {
      out.push(high * 16 + d);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return { bytes: Uint8Array.from(out), next: Math.min(end, i + 1) };
}

/** Decodes a literal "(...)" or hex "<...>" string starting at `i`. */
function readString(bytes: Uint8Array, i: number, end: number): { value: PdfString; next: number } {
  const out: number[] = [];
  if (bytes[i] === 0x3c) {
    const { bytes: decoded, next } = decodeHex(bytes, i + 1, end);
    return { value: new PdfString(decoded), next };
  }
  let level = 0;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c === 0x28 && level++ === 0) continue;
    if (c === 0x29 && --level === 0) return { value: new PdfString(Uint8Array.from(out)), next: i + 1 };
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const e = bytes[++i];
    if (e === undefined) break;
    const simple: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
    if (e in simple) out.push(simple[e]!);
    else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x37; k++) v = v * 8 + bytes[++i]! - 0x30;
      out.push(v & 255);
    } else if (e === 13) {
      if (bytes[i + 1] === 10) i++;
    } else if (e !== 10) out.push(e);
  }
  return { value: new PdfString(Uint8Array.from(out)), next: end };
}

/** Parses one direct value at `pos` (a dictionary's text, say). Depth-limited. */
export function parseValue(
  bytes: Uint8Array,
  pos: number,
  end: number,
  maxDepth: number,
): { value: PdfValue; next: number } {
  const tokens = new PdfTokenizer(bytes, pos, end);
  const value = readValue(tokens, 0, maxDepth);
  return { value, next: tokens.pos };
}

function readValue(tokens: PdfTokenizer, depth: number, maxDepth: number): PdfValue {
  const { bytes, end } = tokens;
  while (tokens.pos < end && isWhitespace(bytes[tokens.pos])) tokens.pos++;
  const c = bytes[tokens.pos];
  if (c === 0x28 || (c === 0x3c && bytes[tokens.pos + 1] !== 0x3c)) {
    const { value, next } = readString(bytes, tokens.pos, end);
    tokens.pos = next;
    return value;
  }
  const token = tokens.next();
  if (!token) return null;
  switch (token.kind) {
    case "open-array": {
      if (depth >= maxDepth) throw new NestingTooDeepError(maxDepth);
      const items: PdfValue[] = [];
      for (;;) {
        const save = tokens.pos;
        const peek = tokens.next();
        if (!peek || peek.kind === "close-array") return items;
        tokens.pos = save;
        items.push(readValue(tokens, depth + 1, maxDepth));
        if (tokens.pos === save) tokens.pos++;
      }
    }
    case "open-dict": {
      if (depth >= maxDepth) throw new NestingTooDeepError(maxDepth);
      const entries = new Map<string, PdfValue>();
      for (;;) {
        const key = tokens.next();
        if (!key || key.kind === "close-dict") return new PdfDict(entries);
        if (key.kind !== "name") continue;
        entries.set(key.text, readValue(tokens, depth + 1, maxDepth));
      }
    }
    case "name":
      return new PdfName(token.text);
    case "number": {
      if (!token.integer) return token.value;
      // "12 0 R" is a reference.
      const save = tokens.pos;
      const gen = tokens.next();
      const r = tokens.next();
      if (gen?.kind === "number" && gen.integer && r?.kind === "keyword" && r.text === "R")
        return new PdfRef(token.value, gen.value);
      tokens.pos = save;
      return token.value;
    }
    case "keyword":
      return token.text === "true" ? true : token.text === "false" ? false : null;
    default:
      return null;
  }
}
