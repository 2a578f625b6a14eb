// Issuing jurisdictions: AAMVA Issuer Identification Numbers (IIN) and the two-letter codes
// used in addresses, with the names the contract's STATE_NAME carries.

export type LicenceCountry = "USA" | "CAN" | "MEX";

export interface Jurisdiction {
  code: string;
  name: string;
  country: LicenceCountry;
}

const J = (code: string, name: string, country: LicenceCountry = "USA"): Jurisdiction => ({ code, name, country });

/** AAMVA's published IIN list (US states and territories, Canadian provinces, two Mexican states). */
export const JURISDICTION_BY_IIN: Readonly<Record<string, Jurisdiction>> = {
  "636033": J("AL", "ALABAMA"),
  "636059": J("AK", "ALASKA"),
  "636026": J("AZ", "ARIZONA"),
  "636021": J("AR", "ARKANSAS"),
  "636014": J("CA", "CALIFORNIA"),
  "636020": J("CO", "COLORADO"),
  "636006": J("CT", "CONNECTICUT"),
  "636011": J("DE", "DELAWARE"),
  "636043": J("DC", "DISTRICT OF COLUMBIA"),
  "636010": J("FL", "FLORIDA"),
  "636055": J("GA", "GEORGIA"),
  "636019": J("GU", "GUAM"),
  "636047": J("HI", "HAWAII"),
  "636050": J("ID", "IDAHO"),
  "636035": J("IL", "ILLINOIS"),
  "636037": J("IN", "INDIANA"),
  "636018": J("IA", "IOWA"),
  "636022": J("KS", "KANSAS"),
  "636046": J("KY", "KENTUCKY"),
  "636007": J("LA", "LOUISIANA"),
  "636041": J("ME", "MAINE"),
  "636003": J("MD", "MARYLAND"),
  "636002": J("MA", "MASSACHUSETTS"),
  "636032": J("MI", "MICHIGAN"),
  "636038": J("MN", "MINNESOTA"),
  "636051": J("MS", "MISSISSIPPI"),
  "636030": J("MO", "MISSOURI"),
  "636008": J("MT", "MONTANA"),
  "636054": J("NE", "NEBRASKA"),
  "636049": J("NV", "NEVADA"),
  "636039": J("NH", "NEW HAMPSHIRE"),
  "636036": J("NJ", "NEW JERSEY"),
  "636009": J("NM", "NEW MEXICO"),
  "636001": J("NY", "NEW YORK"),
  "636004": J("NC", "NORTH CAROLINA"),
  "636034": J("ND", "NORTH DAKOTA"),
  "636023": J("OH", "OHIO"),
  "636058": J("OK", "OKLAHOMA"),
  "636029": J("OR", "OREGON"),
  "636025": J("PA", "PENNSYLVANIA"),
  "604431": J("PR", "PUERTO RICO"),
  "636052": J("RI", "RHODE ISLAND"),
  "636005": J("SC", "SOUTH CAROLINA"),
  "636042": J("SD", "SOUTH DAKOTA"),
  "636053": J("TN", "TENNESSEE"),
  "636015": J("TX", "TEXAS"),
  "636040": J("UT", "UTAH"),
  "636024": J("VT", "VERMONT"),
  "636000": J("VA", "VIRGINIA"),
  "636045": J("WA", "WASHINGTON"),
  "636061": J("WV", "WEST VIRGINIA"),
  "636031": J("WI", "WISCONSIN"),
  "636060": J("WY", "WYOMING"),
  "636062": J("VI", "US VIRGIN ISLANDS"),
  "604427": J("AS", "AMERICAN SAMOA"),
  "604430": J("MP", "NORTHERN MARIANA ISLANDS"),
  "636027": J("US", "US STATE DEPARTMENT"),
  "604432": J("AB", "ALBERTA", "CAN"),
  "990876": J("AB", "ALBERTA", "CAN"),
  "636028": J("BC", "BRITISH COLUMBIA", "CAN"),
  "636048": J("MB", "MANITOBA", "CAN"),
  "636017": J("NB", "NEW BRUNSWICK", "CAN"),
  "636016": J("NL", "NEWFOUNDLAND AND LABRADOR", "CAN"),
  "636013": J("NS", "NOVA SCOTIA", "CAN"),
  "604433": J("NU", "NUNAVUT", "CAN"),
  "636012": J("ON", "ONTARIO", "CAN"),
  "604426": J("PE", "PRINCE EDWARD ISLAND", "CAN"),
  "604428": J("QC", "QUEBEC", "CAN"),
  "636044": J("SK", "SASKATCHEWAN", "CAN"),
  "604429": J("YT", "YUKON", "CAN"),
  "636056": J("COA", "COAHUILA", "MEX"),
  "636057": J("HID", "HIDALGO", "MEX"),
};

export const JURISDICTION_BY_CODE: Readonly<Record<string, Jurisdiction>> = Object.fromEntries(
  Object.values(JURISDICTION_BY_IIN)
    .filter((j) => j.code !== "US")
    .map((j) => [j.code, j]),
);

export function jurisdictionByCode(code: string): Jurisdiction | undefined {
  return Object.hasOwn(JURISDICTION_BY_CODE, code) ? JURISDICTION_BY_CODE[code] : undefined;
}

export function jurisdictionByIin(iin: string): Jurisdiction | undefined {
  return Object.hasOwn(JURISDICTION_BY_IIN, iin) ? JURISDICTION_BY_IIN[iin] : undefined;
}

/** Jurisdiction names, longest first so "WEST VIRGINIA" wins over "VIRGINIA". */
export const JURISDICTION_NAMES: readonly Jurisdiction[] = [
  ...new Map(Object.values(JURISDICTION_BY_CODE).map((j) => [j.name, j])).values(),
].sort((a, b) => b.name.length - a.name.length);
