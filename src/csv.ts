/** A CSV that cannot be read; `line` is the line (1-based) of the row where reading stopped. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** Bounds checked while reading, before any oversized value is built. */
export interface CsvLimits {
  maxFieldChars?: number;
  maxColumns?: number;
}

/** One record and the line of the file it starts on (a quoted field may span lines). */
export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const lineBreaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

/**
 * RFC 4180 CSV, used for code sets, price lists, policies and training data: quoted fields, doubled
 * quotes, commas and newlines inside quotes, CRLF or LF, a leading BOM. Blank lines are skipped.
 * Fields are sliced from the text, never built a character at a time, and a field or row beyond
 * `limits` stops the read at once with the line it is on.
 */
export function parseCsvRows(text: string, limits: CsvLimits = {}): CsvRow[] {
  const maxField = limits.maxFieldChars ?? Number.POSITIVE_INFINITY;
  const maxColumns = limits.maxColumns ?? Number.POSITIVE_INFINITY;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const tooLong = () => new CsvError(`a field is longer than ${maxField} characters`, rowLine);

  while (true) {
    let value = "";
    if (source.charCodeAt(i) === QUOTE) {
      i++;
      while (true) {
        const close = source.indexOf('"', i);
        if (close < 0) throw new CsvError("unterminated quoted field", rowLine);
        if (value.length + (close - i) > maxField) throw tooLong();
        const chunk = source.slice(i, close);
        line += lineBreaks(chunk);
        value += chunk;
        if (source.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    let end = i;
    while (end < length) {
      const c = source.charCodeAt(end);
      if (c === COMMA || c === LF || c === CR) break;
      end++;
    }
    if (value.length + (end - i) > maxField) throw tooLong();
    value += source.slice(i, end);
    i = end;
    fields.push(value);
    if (fields.length > maxColumns) throw new CsvError(`more than ${maxColumns} columns`, rowLine);

    if (i < length && source.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    if (fields.length > 1 || fields[0] !== "") rows.push({ line: rowLine, fields });
    fields = [];
    if (i >= length) break;
    i += source.charCodeAt(i) === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rowLine = line;
    if (i >= length) break;
  }
  return rows;
}

/** The records of a CSV as arrays of fields. */
export const parseCsv = (text: string, limits?: CsvLimits): string[][] =>
  parseCsvRows(text, limits).map((row) => row.fields);

/** A record keyed by the names the caller wants, with the line it was read from. */
export interface CsvRecord<K extends string> {
  line: number;
  values: Record<K, string | undefined>;
}

/** Rows as records keyed by the lower-cased header; `aliases` maps wanted names to accepted headers. */
export function csvRecords<K extends string>(
  text: string,
  aliases: Record<K, string[]>,
  limits?: CsvLimits,
): { records: CsvRecord<K>[]; missing: K[] } {
  const [header, ...rows] = parseCsvRows(text, limits);
  if (!header) return { records: [], missing: Object.keys(aliases) as K[] };
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const index = {} as Record<K, number>;
  const missing: K[] = [];
  for (const key of Object.keys(aliases) as K[]) {
    const found = aliases[key].map((alias) => columns.indexOf(alias)).find((i) => i >= 0);
    if (found === undefined) missing.push(key);
    else index[key] = found;
  }
  const records = rows.map((row) => {
    const values = {} as Record<K, string | undefined>;
    for (const key of Object.keys(index) as K[]) values[key] = row.fields[index[key]]?.trim();
    return { line: row.line, values };
  });
  return { records, missing };
}

/** Rows as records keyed by the header, every column kept as text (training data). */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}
