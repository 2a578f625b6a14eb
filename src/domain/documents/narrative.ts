// Fields stated in prose ("On March 3, 2025 my car was rear-ended … I am claiming
// $4,250.00"). Weaker than a labelled value, so these candidates carry lower confidence.
import { editDistance } from "../settlement/edit-distance";
import type { ClaimFieldName } from "./labels";
import {
  type DateOptions,
  findAmounts,
  findDates,
  numberWord,
  parseCity,
  parseHour,
  parseName,
  parsePolicyNumber,
  parseState,
  repairWords,
} from "./values";
import { mapAuthorities, mapCollisionType, mapIncidentType, mapSeverity } from "./vocabulary";

export interface NarrativeCandidate {
  field: ClaimFieldName;
  value: string | number;
  confidence: number;
  evidence: string;
}

const EVENT_WORDS =
  /\b(?:accident|incident|collision|collided|crash(?:ed)?|loss|occurred|happened|rear[-\s]?ended|struck|hit|stolen|theft|damaged|vandali[sz]ed|broke(?:n)? into|t[-\s]?boned|sideswiped|ran into|backed into|skidded|lost control|flooded|fire|parked|dented|gone|missing|recovered)\b/i;
/** Words before a date that make it another date than the loss's (OCR may glue a caption's words: "REPORTEDON"). */
const NON_EVENT_DATE =
  /\b(?:born|(?:date\s*of\s*)?birth|dob|dated|signed|issued|effective|expir\w*|valid|renew\w*|policy\s*period|bound|bind|since|letter|today|purchased|bought|registered|inspected|reported\s*on|submitted|received)\b/i;
const CLAIM_AMOUNT_CONTEXT =
  /\b(?:claim(?:ing|ed)?|request(?:ing|ed)?|seek(?:ing)?|reimburs\w*|compensat\w*|total(?:ling|ing|s)?|estimat\w*|amount(?:ing)?|quot\w*|cost(?:s|ing)?|came to|repairs? (?:will )?(?:cost|come)|damages? (?:of|total\w*|amount\w*))\b/i;
const NOT_CLAIM_AMOUNT =
  /\b(?:deductible|premium|limit|coverage|paid|payment of|excess|salary|income|worth|value of the car|purchase price)\b/i;

/** Prose split into sentences, with line wraps joined. */
function sentences(text: string): string[] {
  return text
    .replace(/-\n(?=[a-z])/g, "")
    .split(/\n\s*\n/)
    .flatMap((para) => para.replace(/\s*\n\s*/g, " ").split(/(?<=[.!?])\s+(?=[A-Z"(])/))
    .map((s) => s.replace(/\s{2,}/g, " ").trim())
    .filter((s) => s.length > 0);
}

/** An animal on the road and the claimant's car hitting it: "A deer ran onto Cedar Lane and my car struck it". */
const ANIMAL_STRUCK =
  /\b(?:deer|moose|elk|kangaroo|animal|cow|horse)\b[^.;]{0,80}?\b(?:struck|hit|ran into|collided with)\s+(?:it|the animal|him|her)\b/i;

/** A caption right before a date that names it as another date than the loss ("Estimate date: …"). */
const OTHER_DATE_CAPTION =
  /\bsent\s*:\s*(?:[a-z]{3,9},?\s*)?$|\b(?:(?:estimate|report|reported|notice|invoice|inspection|quote|letter|form|print(?:ed)?|sent|signature|effective|expiration|expiry)\s+date|date\s+(?:of\s+)?(?:report|estimate|notice|invoice|inspection|signature|signed|printed|issue))\s*[:#-]?\s*$/i;

/**
 * An e-mail's sender named twice: "Mateo Camnhal]l <mateo.campbell@…>". When the address is the
 * display name's words, the address spells them (OCR garbles a display name more than the
 * address); a name that only resembles the address is kept for review.
 */
function senderName(display: string, local: string): { value: string; certainty: number } | undefined {
  const parts = local
    .toLowerCase()
    .replace(/\d+/g, "")
    .split(/[._]/)
    .filter((p) => /^[a-z][a-z'-]+$/.test(p));
  const words = display
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z'-]/g, ""))
    .filter((w) => w.length > 0);
  if (parts.length < 2 || parts.length > 4 || parts.length !== words.length) return undefined;
  const alike = parts.every(
    (p, i) => words[i]![0] === p[0] && editDistance(words[i]!, p, 4) <= Math.ceil(p.length * 0.4),
  );
  if (!alike) return undefined;
  const same = parts.every((p, i) => words[i] === p);
  const spelled = parts.map((p) => p.replace(/(^|[-'])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase()));
  const name = parseName(spelled.join(" "));
  return name ? { value: name.value, certainty: (same ? 0.8 : 0.55) * name.certainty } : undefined;
}

/** A word with the letter pairs a blurred copy runs together read as the one letter they become: rn as m, cl as d, vv as w. */
const mergedLetters = (s: string) => s.replace(/rn/g, "m").replace(/cl/g, "d").replace(/vv/g, "w");

/** Sentences about someone else's vehicle, policy or insurer: not the claimant's facts. */
const OTHER_PARTY =
  /\b(?:other|third)[\s-](?:driver|party|parties|vehicle|car|motorist)|\btheir\s+(?:insurance|insurer|policy)|\bhis\s+(?:insurance|insurer|policy)|\bher\s+(?:insurance|insurer|policy)/i;

/**
 * Another vehicle, named by its make and model, hitting the claimant's: "a Kia Soul struck the
 * rear of my 2008 Subaru". The capitalised name keeps out "a deer struck my car".
 */
const OTHER_VEHICLE_HIT_MINE =
  /\b(?:[Aa]n?|[Aa]nother|[Tt]he other)\s+(?:[A-Z0-9][\w-]*\s+){1,3}?(?:[Ss]truck|[Hh]it|rear[-\s]?ended|sideswiped|t[-\s]?boned|(?:crashed|ran|backed|slammed|smashed|drove|ploughed|plowed) into|collided with)\s+(?:(?:the\s+)?(?:rear|back|side|front|driver|passenger)\b[\w\s'-]{0,25}?\s+of\s+)?(?:my|our|the insured(?:'s)?)\b/;

export function narrativeCandidates(raw: string, dateOptions: DateOptions): NarrativeCandidate[] {
  const text = dateOptions.ocr ? repairWords(raw) : raw;
  const ocr = { ocr: dateOptions.ocr ?? false };
  const out: NarrativeCandidate[] = [];
  const add = (field: ClaimFieldName, value: string | number, confidence: number, evidence: string) =>
    out.push({ field, value, confidence, evidence: evidence.slice(0, 200) });
  const all = sentences(text);

  for (const s of all) {
    const eventful = EVENT_WORDS.test(s);
    for (const d of findDates(s, dateOptions)) {
      const before = s.slice(Math.max(0, d.index - 40), d.index);
      if (NON_EVENT_DATE.test(before)) continue;
      if (OTHER_DATE_CAPTION.test(before)) continue;
      const on = /\b(?:on|of)\s*$/i.test(before);
      if (eventful) add("incident_date", d.value, (on ? 0.78 : 0.72) * d.certainty, s);
      else add("incident_date", d.value, 0.35 * d.certainty, s);
    }
    if (OTHER_PARTY.test(s)) continue;
    for (const a of findAmounts(s, ocr)) {
      // A claim is for more than nothing: "-2026 500.00" is a date's tail run into an amount.
      if (a.value <= 0) continue;
      if (!a.hasCurrency && !/[.,]\d{2}\b/.test(s.slice(a.index, a.index + a.length))) continue;
      const before = s.slice(Math.max(0, a.index - 70), a.index);
      if (NOT_CLAIM_AMOUNT.test(before.slice(-35))) continue;
      const claiming =
        /\bclaim(?:ing)?\b|\brequest(?:ing)?\b|\bseek(?:ing)?\b|\breimburse|\bask(?:ing)? for\b|\bwould like\b|\bclaim of\b/i.test(
          before,
        );
      if (claiming) add("amount_claimed", a.value, 0.82 * a.certainty, s);
      else if (CLAIM_AMOUNT_CONTEXT.test(before)) add("amount_claimed", a.value, 0.65 * a.certainty, s);
      else add("amount_claimed", a.value, 0.35 * a.certainty, s);
    }
  }

  // A letter's sender and its signature: each a reading of the name, both together a sure one.
  const names = { sender: new Set<string>(), signature: new Set<string>() };
  const named = (by: keyof typeof names, value: string, confidence: number, evidence: string) => {
    names[by].add(value);
    add("claimant_name", value, confidence, evidence);
  };
  for (const m of text.matchAll(/\b[Mm]y\s+na(?:m|rn)e\s+is\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})/g)) {
    const n = parseName(m[1]!);
    if (n) add("claimant_name", n.value, 0.8 * n.certainty, m[0]);
  }
  for (const m of text.matchAll(/(?:^|\n)\s*I,\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}),/g)) {
    const n = parseName(m[1]!);
    if (n) add("claimant_name", n.value, 0.75 * n.certainty, m[0]);
  }
  for (const m of text.matchAll(/^\s*from:?\s+([^<\n]{3,60}?)\s*(?:<\s*([^>\n]*)>?)?\s*$/gim)) {
    const at = m[2]?.indexOf("@") ?? -1;
    if (at > 0) {
      const sender = senderName(m[1]!, m[2]!.slice(0, at));
      if (sender) named("sender", sender.value, sender.certainty, m[0]);
      continue;
    }
    // An address OCR lost the "@" of says nothing: the display name alone, for review unless
    // the letter's signature agrees.
    const n = parseName(m[1]!);
    if (n) named("sender", n.value, 0.45 * n.certainty, m[0]);
  }
  for (const m of text.matchAll(
    /\b(?:sincerely|regards|yours\s+(?:truly|faithfully|sincerely)|respectfully|thank you)[,.;:]?\s*\n+\s*(?:\/s\/\s*)?([^\n]+)/gi,
  )) {
    const n = parseName(m[1]!);
    if (n) named("signature", n.value, 0.72 * n.certainty, m[0]);
  }
  // A closing OCR garbled ("Kind ioyaimalluo,"): a short line ending in a comma, then a name alone.
  for (const m of text.matchAll(
    /(?:^|\n)[ \t]*[A-Z][A-Za-z]*(?:[ \t]+[A-Za-z]+){0,2},[ \t]*\n+[ \t]*([^\n]+?)[ \t]*(?=\n\s*\n|\s*$)/g,
  )) {
    if (/\b(?:sincerely|regards|yours|respectfully|thank)/i.test(m[0])) continue;
    const n = m[1]!.split(/\s+/).length <= 4 ? parseName(m[1]!) : undefined;
    if (n) named("signature", n.value, 0.55 * n.certainty, m[0]);
  }
  // A letter's sender block: a name atop its address. It names no one alone (a shop's estimate
  // starts the same way), only alongside the signature.
  const head = text.match(/^\s*([^\n]{3,60})\n[ \t]*\d+[ \t]+[A-Za-z][^\n]*\n[^\n]*\b[A-Z]{2}[ \t]+\d{5}\b/);
  const sender = head ? parseName(head[1]!.trim()) : undefined;
  if (sender) names.sender.add(sender.value);
  for (const name of names.sender)
    for (const signed of names.signature) {
      if (name === signed) add("claimant_name", name, 0.8, `sender and signature: ${name}`);
      // The same name with letters OCR ran together in one of them ("Tumer" for Turner): the one
      // that keeps them apart, surer than the signature alone.
      else if (mergedLetters(name) === mergedLetters(signed))
        add(
          "claimant_name",
          name.length > signed.length ? name : signed,
          0.75,
          `sender and signature: ${name}, ${signed}`,
        );
    }
  for (const m of text.matchAll(
    /\b(?:insured|policyholder|claimant)[,:]?\s+(?:is\s+)?(?:mr\.?|mrs\.?|ms\.?)?\s*([A-Z][a-z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,2})/g,
  )) {
    const n = parseName(m[1]!);
    if (n) add("claimant_name", n.value, 0.55 * n.certainty, m[0]);
  }

  for (const m of text.matchAll(
    /\bpolicy\s*(?:number|no\.?|num(?:ber)?|#|id|ref(?:erence)?)?(\s*(?:is|was|:|#)?\s*)([A-Z0-9][A-Z0-9\-/ ]{3,28})/gi,
  )) {
    // A caption in a row of table headers with its value on the next line is a table, not
    // prose: the value under it may be another column's (the claim number).
    const lineEnd = text.indexOf("\n", m.index!);
    const captionLine = text.slice(text.lastIndexOf("\n", m.index!) + 1, lineEnd < 0 ? undefined : lineEnd);
    if (/\n/.test(m[1]!) && !/is|was|:|#/i.test(m[1]!) && /\S\s{2,}\S/.test(captionLine)) continue;
    const sentence = text.slice(Math.max(0, text.lastIndexOf(".", m.index!) + 1), m.index! + m[0].length);
    if (OTHER_PARTY.test(sentence)) continue;
    const p = parsePolicyNumber(m[2]!, ocr);
    if (p && /\d/.test(p.value)) add("policy_number", p.value, 0.75 * p.certainty, m[0]);
  }

  // Incident facts stated in prose.
  const flat = all.join(" ");
  const eventText = all.filter((s) => EVENT_WORDS.test(s)).join(" ");
  if (eventText) {
    const it = mapIncidentType(eventText);
    if (it && it.certainty >= 0.9) add("incident_type", it.value, 0.6, eventText);
    const vehiclesHit =
      /\b(?:hit|struck|crashed into|collided with|ran into|rear[-\s]?ended by|t[-\s]?boned by|sideswiped by)\s+(?:a|an|another|the other|a second)\s+(?:car|vehicle|truck|van|suv|pickup|bus|motorcycle|driver)/i.test(
        eventText,
      ) ||
      /\bother (?:driver|vehicle|car)\b/i.test(eventText) ||
      // "a pickup truck … ran the red light and struck the insured vehicle"; "both vehicles were towed".
      /\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}(?:car|vehicle|truck|pickup|van|suv|bus|motorcycle)\b[^.]{0,120}?\b(?:struck|hit|collided with|ran into|rear[-\s]?ended|sideswiped)\b/i.test(
        eventText,
      ) ||
      OTHER_VEHICLE_HIT_MINE.test(eventText) ||
      /\bboth (?:vehicles|cars|drivers)\b/i.test(flat) ||
      /\bwas (?:rear[-\s]?ended|t[-\s]?boned|sideswiped|hit|struck)\b/i.test(eventText);
    const solo =
      /\b(?:hit|struck|into|collided with)\s+(?:a|the)\s+(?:tree|pole|lamp ?post|guard ?rail|wall|fence|deer|ditch|barrier|curb|median|sign)\b|\blost control\b|\bran off the road\b/i.test(
        eventText,
      ) || ANIMAL_STRUCK.test(eventText);
    if (!it || it.certainty < 0.9) {
      if (/\bparked\b/i.test(eventText)) add("incident_type", "Parked Car", 0.6, eventText);
      else if (vehiclesHit && !solo) add("incident_type", "Multi-vehicle Collision", 0.55, eventText);
      else if (solo) add("incident_type", "Single Vehicle Collision", 0.55, eventText);
    }
    const impact = eventText.match(
      /\b(?:rear[-\s]?ended|from behind|t[-\s]?boned|sideswiped|broadside[d]?|head[-\s]?on|hit (?:me |us )?(?:in|on) the (?:rear|side|front)|(?:front|rear|side)[-\s](?:end|impact|collision)|(?:driver|passenger)'?s?[-\s]side)\b/i,
    );
    if (impact) {
      const c = mapCollisionType(impact[0]);
      if (c) add("collision_type", c.value, 0.7, impact[0]);
    }
    const sev = eventText.match(
      /\b(?:total(?:led|ed)?\s*loss|totall?ed|written[-\s]off|write[-\s]?off|beyond (?:economic )?repair|(?:minor|major|severe|extensive|significant|heavy|serious|substantial|slight|light|cosmetic|superficial|trivial|moderate)\s+(?:damage|dents?|scratch\w*|harm))/i,
    );
    if (sev) {
      const s = mapSeverity(sev[0]);
      if (s) add("incident_severity", s.value, 0.65, sev[0]);
    }
  }
  const noAuthorities =
    /\b(?:no (?:authorities|police|one) (?:was|were) (?:called|contacted|notified)|did not (?:call|contact|notify) (?:the )?(?:police|authorities|anyone))\b/i.test(
      flat,
    );
  if (noAuthorities) add("authorities_contacted", "None", 0.6, "no authorities contacted");
  else {
    const auth = flat.match(
      /\b(?:called|contacted|notified|phoned|dialed|summoned|reported (?:it |this |the (?:theft|accident|incident) )?to)\s+(?:the\s+)?(police|sheriff|fire (?:department|brigade)|ambulance|paramedics|911[^.]*?(?:police|fire|ambulance))|\b(police|sheriff|fire (?:department|brigade|fighters)|ambulance|paramedics|ems)\s+(?:officers?\s+)?(?:was|were|came|arrived|attended|responded)/i,
    );
    if (auth) {
      const a = mapAuthorities(auth[0]);
      if (a) add("authorities_contacted", a.value, 0.65, auth[0]);
    }
  }
  const reportedToPolice = all.find(
    (s) =>
      /\bpolice\b/i.test(s) &&
      /\breport(?:ed)?\b[^.]{0,40}?(?:(?:no\.?|number|#|ref)\s*:?\s*[A-Z0-9]*\d|\s[A-Z]{0,3}-?\d{2,}[-/]?\d{3,})/i.test(
        s,
      ),
  );
  const reportNo = flat.match(
    /\bpolice report\s*(?:number|no\.?|#|ref(?:erence)?)\s*(?:is\s*)?:?\s*([A-Z0-9][A-Z0-9-]{2,})/i,
  );
  if (
    reportNo ||
    reportedToPolice ||
    /\b(?:filed|made|obtained|have|attached|enclosed|took|wrote)\s+(?:a|the)\s+police report\b|\bpolice report (?:was|has been) (?:filed|made|taken|attached|enclosed)/i.test(
      flat,
    )
  ) {
    add("police_report_available", "YES", 0.7, reportNo?.[0] ?? "police report filed");
  } else if (
    /\bno police report\b|\bpolice report (?:was|has) not\b|\bdid not (?:file|make) a police report\b|\bwithout a police report\b/i.test(
      flat,
    )
  ) {
    add("police_report_available", "NO", 0.7, "no police report");
  }
  const wit = flat.match(
    /\b(no|none|one|two|three|four|five|\d)\s+(?:independent\s+|eye\s?)?witness(?:es)?\b|\bthere were no witnesses\b|\bno one witnessed\b/i,
  );
  if (wit) {
    const n = wit[1] ? numberWord(wit[1]) : 0;
    if (n !== undefined) add("witnesses", n, 0.65, wit[0]);
  }
  if (
    /\b(?:no one|nobody|no-one) (?:was )?(?:hurt|injured)|\bno (?:one was |bodily )?injur(?:y|ies)\b|\bwithout injur/i.test(
      flat,
    )
  ) {
    add("bodily_injuries", 0, 0.65, "no injuries");
  } else {
    const inj = flat.match(
      /\b(one|two|three|four|\d)\s+(?:people|persons|passengers|occupants|of us)?\s*(?:were|was)\s+(?:injured|hurt)\b/i,
    );
    if (inj) {
      const n = numberWord(inj[1]!);
      if (n !== undefined) add("bodily_injuries", n, 0.6, inj[0]);
    }
  }
  const veh = flat.match(
    /\b(one|two|three|four|five|single|\d)[-\s](?:car|vehicle)s?\b(?:\s+(?:accident|collision|crash|pile-?up))?|\b(two|three|four|five|\d)\s+(?:cars|vehicles)\s+(?:were\s+)?involved/i,
  );
  if (veh) {
    const n = numberWord((veh[1] ?? veh[2])!.replace(/^single$/i, "one"));
    if (n !== undefined && n >= 1 && n <= 10) add("number_of_vehicles_involved", n, 0.6, veh[0]);
  }
  for (const s of all) {
    if (!EVENT_WORDS.test(s) && !/\b(?:at|around|approximately|about)\s+\d/i.test(s)) continue;
    const t = s.match(
      /\b(?:at|around|approximately|about|approx\.?)\s+(?:approximately\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|hrs?|hours)?)/i,
    );
    if (t) {
      const h = parseHour(t[1]!);
      if (h) add("incident_hour_of_the_day", h.value, 0.65 * h.certainty, t[0]);
    }
    const loc = s.match(
      /\b(?:in|at|near|on [^,]{0,40} in)\s+([A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+){0,2}),\s*([A-Z0-9|]{2}\b|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/,
    );
    if (loc && EVENT_WORDS.test(s)) {
      const st = parseState(loc[2]!);
      const city = parseCity(loc[1]!);
      if (st && city) {
        add("incident_state", st.value, 0.6, loc[0]);
        add("incident_city", city.value, 0.6, loc[0]);
      }
    }
  }
  return out;
}

/** The sentences that tell what happened: the description of a narrative letter. */
export function narrativeDescription(text: string): string | undefined {
  const chosen = sentences(text).filter(
    (s) => EVENT_WORDS.test(s) && s.split(" ").length >= 5 && !/^(?:dear|re:|subject:|sincerely)/i.test(s),
  );
  if (chosen.length === 0) return undefined;
  return chosen.slice(0, 4).join(" ").slice(0, 600);
}
