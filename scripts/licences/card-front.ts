// Card fronts in five layouts modelled on different states' designs. Each returns the SVG and
// the contract fields that are printed on it (what a perfect reader of that front returns).
import { CARD_H, CARD_W, type CardStyle, cardBackground, escapeXml, photoBox } from "./card-style";
import { type Person, type Random, us } from "./people";

export type FrontLayout = "numbered" | "inline" | "stacked" | "name-line" | "given-first";
/** Layouts the reader was developed against; "given-first" is only ever in the held-out set. */
export const TUNED_LAYOUTS: FrontLayout[] = ["numbered", "inline", "stacked", "name-line"];

export type Fields = Record<string, string>;

interface Pen {
  parts: string[];
  s: CardStyle;
}

function text(
  p: Pen,
  x: number,
  y: number,
  str: string,
  opts: {
    size?: number;
    label?: boolean;
    weight?: string;
    colour?: string;
    family?: string;
    anchor?: string;
    italic?: boolean;
  } = {},
) {
  const size = opts.size ?? (opts.label ? p.s.labelSize : p.s.valueSize);
  const fill = opts.colour ?? (opts.label ? p.s.labelColour : p.s.valueColour);
  const family = opts.family ?? (opts.label ? p.s.font : p.s.valueFont);
  p.parts.push(
    `<text x="${x + p.s.dx}" y="${y + p.s.dy}" font-family="${family}" font-size="${size}" font-weight="${opts.weight ?? (opts.label ? "normal" : "bold")}"${opts.italic ? ' font-style="italic"' : ""} fill="${fill}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ""}>${escapeXml(str)}</text>`,
  );
}

/** Label then value on one baseline, the value after the label's width. */
function labelled(p: Pen, x: number, y: number, label: string, value: string, gap = 10) {
  text(p, x, y, label, { label: true });
  text(p, x + Math.round(label.length * p.s.labelSize * 0.62) + gap, y, value);
}

function header(p: Pen, person: Person, title = "DRIVER LICENSE") {
  text(p, 40, 72, person.place.stateName, {
    size: 50,
    weight: "bold",
    colour: p.s.headerColour,
    family: "DejaVu Serif",
    italic: true,
  });
  text(p, CARD_W - 50, 64, title, {
    size: 28,
    weight: "bold",
    colour: p.s.headerColour,
    anchor: "end",
    family: p.s.font,
  });
  text(p, CARD_W - 50, 100, person.place.country, {
    size: 22,
    weight: "bold",
    colour: p.s.headerColour,
    anchor: "end",
    family: p.s.font,
  });
}

const given = (p: Person) => [p.first, p.middle, p.suffix].filter(Boolean).join(" ");
const cityLine = (p: Person) => `${p.place.city}, ${p.place.state} ${p.zip}`;

export function cardFront(
  layout: FrontLayout,
  person: Person,
  s: CardStyle,
  r: Random,
): { svg: string; printed: Fields } {
  const p: Pen = { parts: [], s };
  const printed: Fields = {
    ID_TYPE: "DRIVER LICENSE FRONT",
    STATE_NAME: person.place.stateName,
    DOCUMENT_NUMBER: person.number,
    FIRST_NAME: person.first,
    MIDDLE_NAME: person.middle,
    LAST_NAME: person.last,
    SUFFIX: person.suffix,
    ADDRESS: person.street,
    CITY_IN_ADDRESS: person.place.city,
    STATE_IN_ADDRESS: person.place.state,
    ZIP_CODE_IN_ADDRESS: person.zip,
    DATE_OF_BIRTH: us(person.dob),
    EXPIRATION_DATE: us(person.expiry),
    DATE_OF_ISSUE: us(person.issue),
    CLASS: person.cls,
    ENDORSEMENTS: person.endorsements,
    RESTRICTIONS: person.restrictions,
    VETERAN: person.veteran ? "VETERAN" : "",
  };
  const tone = `hsl(${Math.floor(r() * 40) + 10}, 30%, ${Math.floor(r() * 30) + 35}%)`;
  header(p, person);
  switch (layout) {
    case "numbered": {
      p.parts.push(photoBox(40, 150, 250, 330, tone));
      labelled(p, 320, 170, "4d DLN", person.number);
      labelled(p, 320, 215, "4b EXP", us(person.expiry));
      labelled(p, 700, 215, "9 CLASS", person.cls);
      labelled(p, 320, 265, "1", person.last);
      labelled(p, 320, 305, "2", given(person));
      labelled(p, 320, 350, "8", person.street);
      text(p, 345, 388, cityLine(person));
      labelled(p, 320, 438, "3 DOB", us(person.dob));
      labelled(p, 660, 438, "4a ISS", us(person.issue));
      labelled(p, 320, 483, "9a END", person.endorsements);
      labelled(p, 600, 483, "12 REST", person.restrictions);
      labelled(p, 320, 528, "15 SEX", person.sex, 8);
      labelled(p, 470, 528, "16 HGT", "5'-09\"", 8);
      labelled(p, 660, 528, "18 EYES", "BRN", 8);
      break;
    }
    case "inline": {
      p.parts.push(photoBox(CARD_W - 300, 140, 250, 320, tone));
      labelled(p, 40, 160, "DL", person.number);
      labelled(p, 480, 160, "CLASS", person.cls);
      labelled(p, 40, 205, "EXP", us(person.expiry));
      labelled(p, 40, 250, "LN", person.last);
      labelled(p, 40, 292, "FN", given(person));
      text(p, 40, 336, person.street);
      text(p, 40, 374, cityLine(person));
      labelled(p, 40, 424, "DOB", us(person.dob));
      labelled(p, 40, 468, "END", person.endorsements);
      labelled(p, 330, 468, "REST", person.restrictions);
      labelled(p, 40, 512, "ISS", us(person.issue));
      labelled(p, 40, 556, "SEX", person.sex, 8);
      labelled(p, 200, 556, "HGT", "5-09", 8);
      break;
    }
    case "stacked": {
      p.parts.push(photoBox(40, 140, 240, 310, tone));
      const col = (x: number, y: number, label: string, value: string) => {
        text(p, x, y, label, { label: true });
        text(p, x, y + 36, value);
      };
      col(310, 150, "LIC#", person.number);
      col(620, 150, "CLASS", person.cls);
      col(800, 150, "EXP", us(person.expiry));
      col(310, 235, "LAST NAME", person.last);
      col(310, 315, "FIRST NAME", given(person));
      text(p, 310, 400, person.street);
      text(p, 310, 438, cityLine(person));
      col(310, 490, "DOB", us(person.dob));
      col(560, 490, "ISS", us(person.issue));
      col(40, 490, "END", person.endorsements);
      col(780, 490, "REST", person.restrictions);
      break;
    }
    case "name-line": {
      p.parts.push(photoBox(CARD_W - 290, 150, 240, 310, tone));
      const printedNumber = person.number.replace(/^(.)(\d{3})(\d{3})(\d{2})(\d{3})(\d)$/, "$1$2-$3-$4-$5-$6");
      labelled(p, 40, 165, "NO.", printedNumber);
      text(
        p,
        40,
        225,
        `${person.last}${person.suffix ? ` ${person.suffix}` : ""}, ${[person.first, person.middle].filter(Boolean).join(" ")}`,
        { size: s.valueSize + 2 },
      );
      text(p, 40, 270, person.street);
      text(p, 40, 308, cityLine(person));
      labelled(p, 40, 370, "DOB:", us(person.dob));
      labelled(p, 40, 414, "ISS:", us(person.issue));
      labelled(p, 40, 458, "EXP:", us(person.expiry));
      labelled(p, 40, 510, "CLASS:", person.cls);
      labelled(p, 230, 510, "REST:", person.restrictions);
      labelled(p, 40, 554, "END:", person.endorsements);
      break;
    }
    case "given-first": {
      p.parts.push(photoBox(40, 150, 240, 320, tone));
      labelled(p, 310, 165, "ID NO.", person.number.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3"));
      labelled(p, 680, 165, "CLASS", person.cls);
      text(p, 310, 225, [person.first, person.middle, person.last, person.suffix].filter(Boolean).join(" "), {
        size: s.valueSize + 2,
      });
      text(p, 310, 270, person.street);
      text(p, 310, 308, cityLine(person));
      labelled(p, 310, 370, "DATE OF BIRTH", us(person.dob));
      labelled(p, 310, 414, "EXPIRES", us(person.expiry));
      labelled(p, 310, 458, "ISSUED", us(person.issue));
      labelled(p, 310, 510, "ENDORSEMENTS", person.endorsements);
      labelled(p, 310, 554, "RESTRICTIONS", person.restrictions);
      break;
    }
  }
  if (person.veteran)
    text(p, CARD_W - 60, 600, "VETERAN", {
      size: 26,
      weight: "bold",
      colour: "#8a1010",
      anchor: "end",
      family: s.font,
    });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_W}" height="${CARD_H}">${cardBackground(s, r)}${p.parts.join("\n")}</svg>`;
  return { svg, printed };
}
