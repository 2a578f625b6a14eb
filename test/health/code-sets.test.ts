import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "../../src/csv";
import { parseDiagnosisCsv, parseProcedureCsv } from "../../src/domain/reference/code-sets";

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM", () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\n"multi\nline",2\n')).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
      ["multi\nline", "2"],
    ]);
  });

  it("refuses an unterminated quote", () => {
    expect(() => parseCsv('a,b\n"oops,1')).toThrow(CsvError);
  });
});

describe("code set files", () => {
  it("reads the ICD-10-CM file layout", () => {
    const parsed = parseDiagnosisCsv(
      'code,billable,description\nA00,0,Cholera\nA000,1,"Cholera due to Vibrio cholerae 01, biovar cholerae"\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      { code: "A00", description: "Cholera", billable: false },
      { code: "A000", description: "Cholera due to Vibrio cholerae 01, biovar cholerae", billable: true },
    ]);
  });

  it("reads HCPCS files and Medicare payment statistics by their own headers", () => {
    const hcpcs = parseProcedureCsv(
      "code,kind,short_description,long_description\nA0021,procedure,Outside state ambulance serv,Ambulance service\n",
    );
    expect(hcpcs.entries).toEqual([
      { code: "A0021", description: "Outside state ambulance serv", averageCostCents: null, costStdDevCents: null },
    ]);
    const stats = parseProcedureCsv(
      "hcpcs_code,description,n_provider_rows,mean_avg_medicare_payment,stdev_avg_medicare_payment\n00103,Anesth blepharoplasty,4,89.88,34.36\n99213,Office visit,40,51.234,\n",
    );
    expect(stats.problems).toEqual([]);
    expect(stats.entries).toEqual([
      { code: "00103", description: "Anesth blepharoplasty", averageCostCents: 8988, costStdDevCents: 3436 },
      { code: "99213", description: "Office visit", averageCostCents: 5123, costStdDevCents: null },
    ]);
  });

  it("reports bad rows with their line numbers", () => {
    const parsed = parseProcedureCsv("code,average_cost\nP001,10000\n!!,5\nP002,-3\nP003,abc\n");
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(parsed.entries.map((e) => e.code)).toEqual(["P001"]);
  });

  it("refuses a file without the needed columns", () => {
    expect(parseDiagnosisCsv("foo,bar\n1,2\n").problems[0]?.message).toContain("missing column");
  });
});
