/** RFC 4180 CSV, used for code sets, price lists, policies and training data: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new CsvError("unterminated quoted field");
  row.push(field);
  if (row.length > 1 || row[0] !== "") rows.push(row);
  return rows;
}

export class CsvError extends Error {}

/** Rows as records keyed by the lower-cased header; `aliases` maps wanted names to accepted headers. */
export function csvRecords<K extends string>(
  text: string,
  aliases: Record<K, string[]>,
): { records: Record<K, string | undefined>[]; missing: K[] } {
  const [header, ...rows] = parseCsv(text);
  if (!header) return { records: [], missing: Object.keys(aliases) as K[] };
  const columns = header.map((name) => name.trim().toLowerCase());
  const index = {} as Record<K, number>;
  const missing: K[] = [];
  for (const key of Object.keys(aliases) as K[]) {
    const found = aliases[key].map((alias) => columns.indexOf(alias)).find((i) => i >= 0);
    if (found === undefined) missing.push(key);
    else index[key] = found;
  }
  const records = rows.map((row) => {
    const record = {} as Record<K, string | undefined>;
    for (const key of Object.keys(index) as K[]) record[key] = row[index[key]]?.trim();
    return record;
  });
  return { records, missing };
}

/** Rows as records keyed by the header, every column kept as text (training data). */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}
