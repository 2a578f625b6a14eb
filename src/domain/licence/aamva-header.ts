// The AAMVA DL/ID file header: compliance indicator "@", data element separator (LF), record
// separator (RS), segment terminator (CR), file type "ANSI " ("AAMVA" in some 2000-era
// files), IIN, AAMVA version, jurisdiction version (versions 02+), number of entries, then one
// subfile designator (type, offset, length) per entry.

export interface SubfileDesignator {
  type: string;
  offset: number;
  length: number;
}

export interface AamvaHeader {
  iin: string;
  version: number;
  jurisdictionVersion: number | undefined;
  subfiles: SubfileDesignator[];
  /** Index of the first character after the designators. */
  end: number;
}

const MAX_SUBFILES = 20;

/** Reads the header of a normalised payload; a reason string when it is not an AAMVA file. */
export function readAamvaHeader(text: string): AamvaHeader | string {
  if (!text.startsWith("@")) return "no compliance indicator '@'";
  // Separators are often mangled by scanners; the file type is what anchors the header.
  const fileType = /ANSI ?|AAMVA/.exec(text.slice(0, 16));
  if (!fileType) return "no file type 'ANSI '";
  const start = fileType.index + fileType[0].length;
  const iin = text.slice(start, start + 6);
  if (!/^\d{6}$/.test(iin)) return "issuer identification number is not 6 digits";
  const version = text.slice(start + 6, start + 8);
  if (!/^\d{2}$/.test(version)) return "AAMVA version is not 2 digits";
  const v = Number(version);
  // Version 01 has no jurisdiction version; some 01 files carry one anyway, so try both.
  const layouts = v === 1 ? [false, true] : [true, false];
  for (const hasJurisdictionVersion of layouts) {
    const at = start + 8 + (hasJurisdictionVersion ? 2 : 0);
    const entries = text.slice(at, at + 2);
    if (!/^\d{2}$/.test(entries)) continue;
    const n = Number(entries);
    if (n < 1 || n > MAX_SUBFILES) continue;
    const subfiles: SubfileDesignator[] = [];
    for (let i = 0; i < n; i++) {
      const d = /^([A-Z]{2})(\d{4})(\d{4})/.exec(text.slice(at + 2 + i * 10, at + 12 + i * 10));
      if (!d) break;
      subfiles.push({ type: d[1]!, offset: Number(d[2]), length: Number(d[3]) });
    }
    if (subfiles.length === 0 || !subfiles.some((s) => s.type === "DL" || s.type === "ID")) continue;
    return {
      iin,
      version: v,
      jurisdictionVersion: hasJurisdictionVersion ? Number(text.slice(start + 8, start + 10)) : undefined,
      subfiles,
      end: at + 2 + subfiles.length * 10,
    };
  }
  return "no DL or ID subfile designator";
}
