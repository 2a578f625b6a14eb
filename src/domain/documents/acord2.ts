// The ACORD 2 Automobile Loss Notice, recognised by its title and its field names and read
// by name: the common fillable edition of ACORD 2 (2016/10), whose widgets are named after
// their captions or generically ("Text7" is the insured's policy number, "Text45" the
// insured vehicle's estimate, "POLICY NUMBER_2" the other party's), and the ACORD eForms
// naming ("Policy_PolicyNumberIdentifier_A"). The other vehicle's policy and estimate, the
// injured and the witnesses are read as theirs: counted, never taken as the insured's.

import layout from "./acord2-layout.json";
import {
  type FormPageLayout,
  type PagePlacement,
  placeScannedPage,
  readScannedBoxes,
  type ScannedBox,
  type ScannedWord,
} from "./form-scan";
import { type FormWidget, shortName } from "./form-widgets";
import type { LabelTarget } from "./labels";
import type { SectionRole } from "./sections";

export const ACORD2_FORM = "ACORD 2 (2016/10) Automobile Loss Notice";

/** One widget's meaning on the form. */
interface KnownField {
  field:
    | Exclude<LabelTarget, null>
    | "loss_time"
    | "am"
    | "pm"
    | "other_vehicle"
    | "injured_person"
    | "witness_person"
    /** The insured's name written again: the person to contact, who reported the loss. */
    | "name_elsewhere";
  role: SectionRole;
}

const own = (field: KnownField["field"]): KnownField => ({ field, role: "own" });
const other = (field: KnownField["field"]): KnownField => ({ field, role: "other-party" });

/** The common fillable edition (2016/10): names as its author gave them. */
const FILLABLE_2016: Record<string, KnownField> = {
  Text3: own("incident_date"),
  Text4: own("loss_time"),
  "Check Box5": own("am"),
  "Check Box6": own("pm"),
  Text7: own("policy_number"),
  "NAME OF INSURED First Middle Last": own("claimant_name"),
  "NAME OF CONTACT First Middle Last": own("name_elsewhere"),
  "REPORTED BY": own("name_elsewhere"),
  "STREET LOCATION OF LOSS": own("incident_location"),
  "CITY STATE ZIP": own("incident_location"),
  "POLICE OR FIRE DEPARTMENT CONTACTED": own("authorities_contacted"),
  "REPORT NUMBER": own("police_report_available"),
  "DESCRIPTION OF ACCIDENT ACORD 101 Additional Remarks Schedule may be attached if more space is required":
    own("description"),
  Text45: own("amount_claimed"),
  "POLICY NUMBER_2": other("policy_number"),
  "ESTIMATE AMOUNT_2": other("amount_claimed"),
  "CARRIER OR AGENCY NAME": other("other_vehicle"),
  "NON  VEHICLE": other("other_vehicle"),
  VIN: other("other_vehicle"),
  "PLATE NUMBER_2": other("other_vehicle"),
  Text48: other("other_vehicle"),
  "NAME  ADDRESSRow1": { field: "injured_person", role: "injured" },
  "NAME  ADDRESSRow2": { field: "injured_person", role: "injured" },
  "NAME  ADDRESSRow3": { field: "injured_person", role: "injured" },
  "NAME  ADDRESSRow4": { field: "injured_person", role: "injured" },
  "NAME  ADDRESSRow1_2": { field: "witness_person", role: "witness" },
  "NAME  ADDRESSRow2_2": { field: "witness_person", role: "witness" },
  "NAME  ADDRESSRow3_2": { field: "witness_person", role: "witness" },
};

/** ACORD eForms names (the naming dictionary shared by ACORD's fillable forms). */
const EFORMS: Record<string, KnownField> = {
  NamedInsured_FullName_A: own("claimant_name"),
  Policy_PolicyNumberIdentifier_A: own("policy_number"),
  Loss_IncidentDate_A: own("incident_date"),
  Loss_IncidentTime_A: own("loss_time"),
  Loss_IncidentTimeAMIndicator_A: own("am"),
  Loss_IncidentTimePMIndicator_A: own("pm"),
  Loss_LossDescription_A: own("description"),
  LossLocation_PhysicalAddress_CityName_A: own("incident_city"),
  LossLocation_PhysicalAddress_StateOrProvinceCode_A: own("incident_state"),
  Loss_AuthorityContactedName_A: own("authorities_contacted"),
  Loss_ReportIdentifier_A: own("police_report_available"),
  LossWitness_FullName_A: { field: "witness_person", role: "witness" },
  LossWitness_FullName_B: { field: "witness_person", role: "witness" },
  LossWitness_FullName_C: { field: "witness_person", role: "witness" },
  LossInjuredParty_FullName_A: { field: "injured_person", role: "injured" },
};

export function isAcord2(printedText: string, widgetNames: Iterable<string>): boolean {
  const names = new Set([...widgetNames].map(shortName));
  const byTitle = /AUTOMOBILE\s+LOSS\s+NOTICE/i.test(printedText) && /ACORD\s*2\b|ACORD\s+0002/i.test(printedText);
  const byNames =
    (names.has("NAME OF INSURED First Middle Last") && names.has("Text45")) ||
    (names.has("Policy_PolicyNumberIdentifier_A") && /AUTOMOBILE\s+LOSS/i.test(printedText));
  return byTitle || byNames;
}

export interface KnownReading {
  field: KnownField["field"];
  role: SectionRole;
  value: string;
  widget: FormWidget;
}

/** The form's filled widgets by their known meaning. */
export function readAcord2(widgets: FormWidget[]): KnownReading[] {
  const out: KnownReading[] = [];
  for (const widget of widgets) {
    const known = FILLABLE_2016[shortName(widget.name)] ?? EFORMS[shortName(widget.name)];
    if (!known) continue;
    if (widget.kind === "checkbox" && widget.value !== "On") continue;
    out.push({ ...known, value: widget.value.trim(), widget });
  }
  return out;
}

/** Facts the form gives by what is filled: vehicles involved, injured people, witnesses. */
export function acord2Counts(readings: KnownReading[]): { vehicles?: number; injured: number; witnesses: number } {
  const injured = readings.filter((r) => r.field === "injured_person").length;
  const witnesses = readings.filter((r) => r.field === "witness_person").length;
  const otherVehicle = readings.some((r) => r.field === "other_vehicle");
  return { ...(otherVehicle ? { vehicles: 2 } : {}), injured, witnesses };
}

/** The loss hour from the time box and the AM/PM boxes. */
export function acord2Hour(readings: KnownReading[]): number | undefined {
  const time = readings.find((r) => r.field === "loss_time")?.value.match(/^(\d{1,2})(?::(\d{2}))?/);
  if (!time) return undefined;
  let hour = Number(time[1]);
  const pm = readings.some((r) => r.field === "pm");
  const am = readings.some((r) => r.field === "am");
  if (hour > 23) return undefined;
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  return hour;
}

const LAYOUT_PAGES = (layout as { pages: FormPageLayout[] }).pages;

/** The insured's core value boxes, worth reading again on their own when a scan is this form. */
const REREAD = new Set(["Text3", "Text4", "Text7", "NAME OF INSURED First Middle Last", "Text45"]);

/** A scanned page placed as one of the form's pages. */
interface PlacedPage {
  form: FormPageLayout;
  placement: PagePlacement;
}

/** The form's page a scanned page is, and where it sits, if it is one of them. */
function placeOnForm(words: ScannedWord[]): PlacedPage | undefined {
  let best: PlacedPage | undefined;
  for (const form of LAYOUT_PAGES) {
    const placement = placeScannedPage(words, form);
    if (placement && placement.anchors > (best?.placement.anchors ?? 0)) best = { form, placement };
  }
  return best;
}

/** Where the insured's core value boxes are on a scanned page (PDF units), if the page is this form's first. */
export function acord2ValueBoxes(words: ScannedWord[]): Array<[number, number, number, number]> {
  const placed = placeOnForm(words);
  if (!placed || placed.form !== LAYOUT_PAGES[0]) return [];
  const { scale, dx, dy } = placed.placement;
  return (
    placed.form.widgets
      .filter((w) => REREAD.has(w.name))
      // Captions sit a point or two above and below a box: the box alone, a little inside top and bottom.
      .map((w) => [
        scale * w.rect[0]! + dx - 4,
        scale * w.rect[1]! + dy + 0.3,
        scale * w.rect[2]! + dx + 4,
        scale * w.rect[3]! + dy - 0.8,
      ])
  );
}

/**
 * The boxes of a scanned (printed, filled, then copied) ACORD 2: each OCR'd page placed against
 * the form's own pages by its captions and read box by box, under the fillable edition's names.
 */
export function scannedAcord2Boxes(pages: Array<{ number?: number; scannedWords?: ScannedWord[] }>): ScannedBox[] {
  let previous: PlacedPage | undefined;
  return pages.flatMap((page, i) => {
    const words = page.scannedWords ?? [];
    const placed = words.length ? (placeOnForm(words) ?? placeAfter(words, previous)) : undefined;
    previous = placed;
    return placed ? readScannedBoxes(words, placed.form, placed.placement, page.number ?? i + 1) : [];
  });
}

/** A page that follows a placed page of the form, placed as the form's next page on fewer captions. */
function placeAfter(words: ScannedWord[], previous: PlacedPage | undefined): PlacedPage | undefined {
  const form = previous && LAYOUT_PAGES[LAYOUT_PAGES.indexOf(previous.form) + 1];
  const placement = form && placeScannedPage(words, form, previous.placement);
  return placement && { form, placement };
}
