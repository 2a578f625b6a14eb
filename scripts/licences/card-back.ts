// Card backs: a real PDF417 symbol (bwip-js) carrying the AAMVA payload, with the printed
// text and stripes a back usually has around it.
import bwipjs from "bwip-js/node";
import { CARD_H, CARD_W, type CardStyle, escapeXml } from "./card-style";
import { int, type Person, type Random } from "./people";

export async function pdf417Png(payload: string, r: Random): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: "pdf417",
    text: payload,
    binarytext: true,
    columns: int(r, 11, 14),
    eclevel: int(r, 3, 5),
    rowmult: 3,
    scale: 2,
    paddingwidth: 6,
    paddingheight: 6,
    backgroundcolor: "FFFFFF",
  } as Parameters<typeof bwipjs.toBuffer>[0]);
}

export async function cardBack(person: Person, payload: string, s: CardStyle, r: Random): Promise<string> {
  const png = await pdf417Png(payload, r);
  const w = int(r, 830, 920);
  const x = Math.round((CARD_W - w) / 2) + s.dx;
  const y = int(r, 260, 300);
  const h = int(r, 250, 300);
  const lines = [
    `CLASS ${person.cls}: PASSENGER VEHICLES`,
    `RESTRICTIONS: ${person.restrictions}    ENDORSEMENTS: ${person.endorsements}`,
    `${person.place.stateName} DEPARTMENT OF MOTOR VEHICLES`,
  ];
  const texts = lines
    .map(
      (l, i) =>
        `<text x="${60 + s.dx}" y="${70 + i * 40}" font-family="${s.font}" font-size="22" fill="#333">${escapeXml(l)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${CARD_W}" height="${CARD_H}">
<rect x="0" y="0" width="${CARD_W}" height="${CARD_H}" rx="34" fill="${s.background[0]}"/>
<rect x="0" y="190" width="${CARD_W}" height="40" fill="${s.patternColour}" opacity="0.6"/>
${texts}
<rect x="${x - 8}" y="${y - 8}" width="${w + 16}" height="${h + 16}" fill="#ffffff"/>
<image x="${x}" y="${y}" width="${w}" height="${h}" preserveAspectRatio="none" xlink:href="data:image/png;base64,${png.toString("base64")}"/>
</svg>`;
}
