import { describe, expect, it } from "vitest";
import { extractClaimFields, findAmounts, parseDate } from "../../src/domain/documents";

type Expected = Record<string, unknown>;

function check(text: string, expected: Expected, minConfidence = 0.3, source: "text-layer" | "ocr" = "text-layer") {
  const result = extractClaimFields({
    pages: [{ text, source, ...(source === "ocr" ? { ocrConfidence: 0.85 } : {}) }],
  });
  for (const [field, value] of Object.entries(expected)) {
    expect.soft(result.extracted_data[field], `${field} in:\n${text.slice(0, 160)}`).toEqual(value);
    if (value !== undefined) {
      const c = result.confidence[field] ?? 0;
      expect.soft(c, `${field} confidence`).toBeGreaterThanOrEqual(minConfidence);
      expect.soft(c).toBeLessThanOrEqual(1);
    }
  }
  return result;
}

describe("dates in every common format", () => {
  const cases: Array<[string, string]> = [
    ["2025-03-14", "2025-03-14"],
    ["03/14/2025", "2025-03-14"],
    ["3/14/25", "2025-03-14"],
    ["14.03.2025", "2025-03-14"],
    ["14 March 2025", "2025-03-14"],
    ["14th of March, 2025", "2025-03-14"],
    ["Mar 14, 2025", "2025-03-14"],
    ["March 14th, 2025", "2025-03-14"],
    ["Mar. 14 2025", "2025-03-14"],
    ["14-Mar-2025", "2025-03-14"],
    ["14-MAR-25", "2025-03-14"],
    ["2025/03/14", "2025-03-14"],
    ["25/01/2015", "2015-01-25"],
    ["03 / 14 / 2025", "2025-03-14"],
    ["December 1, 2024", "2024-12-01"],
  ];
  it.each(cases)("%s → %s", (text, iso) => {
    expect(parseDate(text)?.value).toBe(iso);
  });
  it("undoes OCR's letter-for-digit swaps only in OCR text", () => {
    expect(parseDate("O3/l4/2O25", { ocr: true })?.value).toBe("2025-03-14");
    expect(parseDate("O3/l4/2O25")).toBeUndefined();
  });
  it.each([
    ["02/23:2026", "2026-02-23"],
    ["03-17:1993", "1993-03-17"],
    ["11.08/2026", "2026-11-08"],
  ])("reads a scan's misread separator (%s) only in OCR text, less surely", (text, iso) => {
    const read = parseDate(text, { ocr: true });
    expect(read?.value).toBe(iso);
    expect(read!.certainty).toBeLessThan(0.9);
    expect(parseDate(text)).toBeUndefined();
  });
  it.each([
    ["58/24", "2024-05-08"],
    ["712/26 4:05 AM", "2026-07-12"],
    ["1112/24", "2024-11-12"],
    ["5/824", "2024-05-08"],
    ["7/122026", "2026-07-12"],
  ])("reads a short date OCR lost a slash of (%s) only in OCR text, less surely", (text, iso) => {
    const read = parseDate(text, { ocr: true, dayFirst: false });
    expect(read?.value).toBe(iso);
    expect(read!.certainty).toBeLessThan(0.9);
    expect(parseDate(text, { dayFirst: false })).toBeUndefined();
  });
  it.each([
    ["112/24", "the slash could go after either 1"],
    ["12/24", "a month and a year"],
    ["12/2024", "a month and a year"],
  ])("leaves %s alone: %s", (text) => {
    expect(parseDate(text, { ocr: true, dayFirst: false })).toBeUndefined();
  });
  it("rejects impossible dates", () => {
    expect(parseDate("02/30/2025")).toBeUndefined();
    expect(parseDate("13/13/2025")).toBeUndefined();
  });
  it("reads 03/04/2025 day-first when told", () => {
    expect(parseDate("03/04/2025", { dayFirst: true })?.value).toBe("2025-04-03");
    expect(parseDate("03/04/2025")?.value).toBe("2025-03-04");
  });
});

describe("amounts in every common format", () => {
  const cases: Array<[string, number]> = [
    ["$4,250.00", 4250],
    ["USD 4250", 4250],
    ["4.250,00 EUR", 4250],
    ["4 250.00", 4250],
    ["€1.234,56", 1234.56],
    ["$4250", 4250],
    ["4,250", 4250],
    ["71610", 71610],
    ["US$ 12,500", 12500],
    ["£ 980.50", 980.5],
    ["1,234,567.89 USD", 1234567.89],
    ["4250.5 dollars", 4250.5],
  ];
  it.each(cases)("%s → %d", (text, value) => {
    expect(findAmounts(text)[0]?.value).toBe(value);
  });
  it("reads OCR's O for 0 in an amount only in OCR text", () => {
    expect(findAmounts("$ 4,25O.OO", { ocr: true })[0]?.value).toBe(4250);
  });
});

describe("label/value forms: many wordings of each label", () => {
  const dateLabels = [
    "Date of Loss:",
    "Incident Date:",
    "Date of Accident",
    "DOL:",
    "Loss Date -",
    "Date of Incident:",
    "Accident Date:",
    "Date of Occurrence:",
    "1. Date of Loss",
    "DATE OF LOSS:",
    "Date Loss Occurred:",
    "When did the loss occur?",
    "Date & Time of Loss:",
    "Date/Time of Accident:",
    "Date of the accident:",
  ];
  it.each(dateLabels)("incident date after %j", (label) => {
    check(
      `Claimant Name: John Doe\n${label} 03/14/2025\nDate of Birth: 01/02/1980`,
      { incident_date: "2025-03-14" },
      0.6,
    );
  });

  const amountLabels = [
    "Amount Claimed:",
    "Total Claim Amount:",
    "Estimated Loss:",
    "Claim Amount",
    "Amount of Loss:",
    "Total Amount Claimed:",
    "Estimated Repair Cost:",
    "Amount Requested:",
    "Sum Claimed:",
    "Total claimed",
    "Estimate of loss -",
    "Claimed Amount (USD):",
    "TOTAL CLAIM:",
  ];
  it.each(amountLabels)("amount after %j", (label) => {
    check(`Policy Number: POL-2025-001234\nDeductible: $500.00\n${label} $4,250.00`, { amount_claimed: 4250 }, 0.6);
  });

  const nameLabels = [
    "Claimant Name:",
    "Name of Claimant:",
    "Claimant:",
    "Insured Name:",
    "Name of Insured:",
    "Policyholder:",
    "Policy Holder Name:",
    "Insured:",
    "Full Name:",
    "Name:",
    "Claimant's Name -",
    "Named Insured:",
  ];
  it.each(nameLabels)("claimant after %j", (label) => {
    check(`${label} John A. Doe\nAgent Name: Bob Stone\nPolicy No: 521585`, { claimant_name: "John A. Doe" }, 0.6);
  });

  const policyLabels = [
    "Policy Number:",
    "Policy No.",
    "Policy #",
    "Policy:",
    "POLICY NO:",
    "Policy ID:",
    "Policy Ref:",
    "Insurance Policy Number:",
    "Pol. No.",
  ];
  it.each(policyLabels)("policy number after %j", (label) => {
    check(`Claimant: Jane Roe\n${label} AB-342868\nClaim Number: CLM-99812`, { policy_number: "AB-342868" }, 0.6);
  });

  it("a complete auto claim form with incident facts in the data set's vocabulary", () => {
    check(
      `ACME MUTUAL — AUTOMOBILE LOSS NOTICE
Policy Number: 521585
Insured Name: Maria Garcia-Lopez
Date of Loss: January 25, 2015        Time of Loss: 5:10 AM
Location of Loss: 9935 4th Drive, Columbus, OH
Type of Loss: Single Vehicle Collision
Type of Collision: Side
Severity of Damage: Major
Authorities Contacted: Police
Police Report Available: YES
Number of Vehicles Involved: 1
Bodily Injuries: 1
Witnesses: 2
Property Damage: YES
Total Claim Amount: $71,610.00
Description of Loss: The insured lost control on a wet road and slid sideways into a
utility pole. The driver side doors and B-pillar were crushed.`,
      {
        policy_number: "521585",
        claimant_name: "Maria Garcia-Lopez",
        incident_date: "2015-01-25",
        incident_hour_of_the_day: 5,
        incident_city: "Columbus",
        incident_state: "OH",
        incident_type: "Single Vehicle Collision",
        collision_type: "Side Collision",
        incident_severity: "Major Damage",
        authorities_contacted: "Police",
        police_report_available: "YES",
        number_of_vehicles_involved: 1,
        bodily_injuries: 1,
        witnesses: 2,
        property_damage: "YES",
        amount_claimed: 71610,
        description:
          "The insured lost control on a wet road and slid sideways into a utility pole. The driver side doors and B-pillar were crushed.",
      },
      0.75,
    );
  });

  it.each([
    ["Incident Type: Vehicle Theft", "incident_type", "Vehicle Theft"],
    ["Type of Loss: Theft", "incident_type", "Vehicle Theft"],
    ["Nature of Loss: Parked car hit", "incident_type", "Parked Car"],
    ["Incident Type: Multi-vehicle Collision", "incident_type", "Multi-vehicle Collision"],
    ["Collision Type: Rear-end", "collision_type", "Rear Collision"],
    ["Point of Impact: Front", "collision_type", "Front Collision"],
    ["Collision Type: Head-on", "collision_type", "Front Collision"],
    ["Incident Severity: Total Loss", "incident_severity", "Total Loss"],
    ["Severity: Trivial Damage", "incident_severity", "Trivial Damage"],
    ["Extent of Damage: minor scratches and dents", "incident_severity", "Trivial Damage"],
    ["Damage Severity: Minor Damage", "incident_severity", "Minor Damage"],
    ["Authorities Contacted: Fire", "authorities_contacted", "Fire"],
    ["Authorities notified: Ambulance / EMS", "authorities_contacted", "Ambulance"],
    ["Authorities Contacted: None", "authorities_contacted", "None"],
    ["Authorities Contacted: Other", "authorities_contacted", "Other"],
    ["Police Report Filed? No", "police_report_available", "NO"],
    ["Police Report No.: 2025-118822", "police_report_available", "YES"],
    ["Number of vehicles: three", "number_of_vehicles_involved", 3],
    ["Vehicles involved: 4", "number_of_vehicles_involved", 4],
    ["Injuries: none", "bodily_injuries", 0],
    ["Witnesses: Jane Roe, Bob Stone", "witnesses", 2],
    ["No. of witnesses: 0", "witnesses", 0],
    ["Incident State: West Virginia", "incident_state", "WV"],
    ["Incident City: Riverwood", "incident_city", "Riverwood"],
    ["Time of Incident: 23:40", "incident_hour_of_the_day", 23],
    ["Incident hour of the day: 7", "incident_hour_of_the_day", 7],
    ["Property Damage: NO", "property_damage", "NO"],
  ])("%s", (line, field, value) => {
    check(`Claimant: John Doe\n${line}`, { [field]: value }, 0.5);
  });
});

describe("several label/value pairs run together on one line", () => {
  it.each([
    [
      "Insured: Mr. John Smith Policy No: AB-99812 Loss Date: 2025-03-14 Loss Time: 14:30",
      {
        claimant_name: "John Smith",
        policy_number: "AB-99812",
        incident_date: "2025-03-14",
        incident_hour_of_the_day: 14,
      },
    ],
    [
      "Claimant Name: Owner Locked Policy Number: OL-2025-0042",
      { claimant_name: "Owner Locked", policy_number: "OL-2025-0042" },
    ],
    [
      "Name: Ana Lima; Policy: PT-12345; DOL: 3 Feb 2025; Claim Amount: 4.250,00 €",
      { claimant_name: "Ana Lima", policy_number: "PT-12345", incident_date: "2025-02-03", amount_claimed: 4250 },
    ],
    ["Amount claimed: USD 4,250.00 (four thousand two hundred fifty dollars)", { amount_claimed: 4250 }],
  ])("%s", (text, expected) => {
    check(text as string, expected as Expected, 0.5);
  });
});

describe("tables: labels above values, boxed cells, flattened columns", () => {
  it("labels in one row, values in the row below, column-aligned", () => {
    check(
      `Claimant Name        Policy Number       Date of Accident      Amount Claimed
Jane Roe             AUT-778812          14.03.2025            4.250,00 EUR
Incident Type             Collision Type        Severity
Multi-vehicle Collision   Rear Collision        Major Damage`,
      {
        claimant_name: "Jane Roe",
        policy_number: "AUT-778812",
        incident_date: "2025-03-14",
        amount_claimed: 4250,
        incident_type: "Multi-vehicle Collision",
        collision_type: "Rear Collision",
        incident_severity: "Major Damage",
      },
      0.7,
    );
  });

  it("boxed table with bars between label and value", () => {
    check(
      `| Claimant        | Robert Lee        |
| Policy No.      | HOM-55-10293      |
| Date of Loss    | 2024-11-02        |
| Estimated Loss  | $ 18,900.00       |
| Severity        | Total Loss        |`,
      {
        claimant_name: "Robert Lee",
        policy_number: "HOM-55-10293",
        incident_date: "2024-11-02",
        amount_claimed: 18900,
        incident_severity: "Total Loss",
      },
      0.7,
    );
  });

  it("two-column key/value grid on one line", () => {
    check(
      `Claimant   Lisa Wong      Policy   PX-99120
DOL        Nov 2, 2024    Total    USD 2,310.40`,
      { claimant_name: "Lisa Wong", policy_number: "PX-99120", incident_date: "2024-11-02", amount_claimed: 2310.4 },
      0.5,
    );
  });

  it("flattened columns: all labels, then all values", () => {
    check(
      `Claimant Name
Policy Number
Date of Loss
Amount Claimed
Mary Jones
PN 5521890
2025-01-15
USD 12 500.00`,
      { claimant_name: "Mary Jones", policy_number: "PN 5521890", incident_date: "2025-01-15", amount_claimed: 12500 },
      0.6,
    );
  });

  it("label alone on a line with the value on the next", () => {
    check(
      `Name of Insured
Thomas Baker

Date of Incident
5 June 2024

Total Claim Amount
$ 7,800`,
      { claimant_name: "Thomas Baker", incident_date: "2024-06-05", amount_claimed: 7800 },
      0.6,
    );
  });
});

describe("documents as they come: notices, estimates, e-mails", () => {
  it("an ACORD-style loss notice with captions above boxed values", () => {
    check(
      `AUTOMOBILE LOSS NOTICE                                   DATE (MM/DD/YYYY)
                                                         04/02/2025
AGENCY                        CARRIER                    NAIC CODE
Smith Agency                  Northwind Mutual           12345
POLICY NUMBER                 DATE OF LOSS AND TIME
PA-7781-2231                  03/28/2025   07:45 AM
NAME OF INSURED (First, Middle, Last)                    INSURED'S PHONE
Kevin R. Malone                                          (555) 201-3344
LOCATION OF ACCIDENT (Street, City, State)
I-71 N near exit 121, Cincinnati, OH
DESCRIPTION OF ACCIDENT
Insured was merging when a truck changed lanes and struck the passenger side of
the insured vehicle. Police responded; report 25-44123.
ESTIMATE AMOUNT
$ 7,412.19`,
      {
        policy_number: "PA-7781-2231",
        incident_date: "2025-03-28",
        incident_hour_of_the_day: 7,
        claimant_name: "Kevin R. Malone",
        incident_city: "Cincinnati",
        incident_state: "OH",
        amount_claimed: 7412.19,
        collision_type: "Side Collision",
        authorities_contacted: "Police",
        police_report_available: "YES",
        description:
          "Insured was merging when a truck changed lanes and struck the passenger side of the insured vehicle. Police responded; report 25-44123.",
      },
      0.6,
    );
  });

  it("a printed form filled in on underscores", () => {
    check(
      `Claim form\n\nName of Claimant ______Laura Palmer______\nPolicy No. ____TP-1990-04____\nDate of Incident __ 02/24/2025 __\nTotal claim ___$ 2,100.00___`,
      { claimant_name: "Laura Palmer", policy_number: "TP-1990-04", incident_date: "2025-02-24", amount_claimed: 2100 },
      0.8,
    );
  });

  it("a repair estimate: the claim is the TOTAL, not a line item", () => {
    check(
      `REPAIR ESTIMATE
Customer: Dale Cooper        Policy: TP-55-2211
Date of loss: 2/24/25
Line  Description               Qty   Amount
1     Rear bumper cover          1    $ 612.00
2     Tail lamp assembly         2    $ 388.40
3     Labor (6.5 h @ $95)             $ 617.50
                                Subtotal   $ 1,617.90
                                Tax        $ 97.07
                                TOTAL      $ 1,714.97`,
      {
        claimant_name: "Dale Cooper",
        policy_number: "TP-55-2211",
        incident_date: "2025-02-24",
        amount_claimed: 1714.97,
      },
      0.5,
    );
  });

  it("an e-mail reporting a theft", () => {
    check(
      `To: Claims
From: Audrey Horne
Date: 5 May 2025

Policy HH-4455-90. On the night of 1 May 2025 at about 11 pm someone broke into my garage and stole my car. I reported it to the police the next morning (report no. 25-5521). The car was worth roughly $14,000 and I am asking for USD 13,500 after my deductible of $500.`,
      {
        claimant_name: "Audrey Horne",
        policy_number: "HH-4455-90",
        incident_date: "2025-05-01",
        amount_claimed: 13500,
        incident_type: "Vehicle Theft",
        authorities_contacted: "Police",
        police_report_available: "YES",
        incident_hour_of_the_day: 23,
      },
    );
  });

  it("an all-caps telex-style notice", () => {
    check(
      `INSURED: BOB BRIGGS      POLICY#: 87-662-190\nLOSS DATE: 12-JAN-2025   CLAIM AMT: 3,300.00\nNATURE OF LOSS: HAIL DAMAGE TO ROOF AND VEHICLE`,
      {
        claimant_name: "Bob Briggs",
        policy_number: "87-662-190",
        incident_date: "2025-01-12",
        amount_claimed: 3300,
        incident_type: undefined,
      },
      0.7,
    );
  });

  it("a European notice: day-first dates and comma decimals", () => {
    check(
      `Schadenmeldung / Claim notification
Claimant: Hans Müller
Policy number: DE-4471-22
Date of loss: 03.04.2025
Amount claimed: 4.250,00 EUR
Description: Parkschaden - my parked car was scratched in a car park.`,
      {
        claimant_name: "Hans Müller",
        policy_number: "DE-4471-22",
        incident_date: "2025-04-03",
        amount_claimed: 4250,
        incident_type: "Parked Car",
      },
      0.55,
    );
  });
});

describe("narrative letters", () => {
  it("a claim letter with the facts in prose", () => {
    check(
      `Dear Claims Department,

My name is Peter Parker and I hold policy number HX-44120-B. On March 3, 2025 my car was rear-ended
while stopped at a light in Springfield, IL at around 8:15 pm. The police came and a police report was filed.
No one was injured. The repair shop estimates the damage at $3,900.

I am claiming $4,250.00 for the repairs and a rental car.

Sincerely,
Peter Parker`,
      {
        claimant_name: "Peter Parker",
        policy_number: "HX-44120-B",
        incident_date: "2025-03-03",
        amount_claimed: 4250,
        collision_type: "Rear Collision",
        authorities_contacted: "Police",
        police_report_available: "YES",
        bodily_injuries: 0,
        incident_hour_of_the_day: 20,
        incident_city: "Springfield",
        incident_state: "IL",
      },
    );
  });

  it("a letter with a date line at the top and the name in the signature", () => {
    const r = check(
      `April 2, 2025

Re: Claim under policy 687698

To whom it may concern,

I am writing to report that on 28 March 2025 a deer ran out and I hit a tree avoiding it.
The front of the vehicle is badly damaged and the airbags deployed; the car is a total loss.
There were no witnesses. I called the police, who attended the scene.
I request reimbursement of USD 15,300 under my policy.

Yours faithfully,
Anna Kowalski`,
      {
        claimant_name: "Anna Kowalski",
        policy_number: "687698",
        incident_date: "2025-03-28",
        amount_claimed: 15300,
        incident_type: "Single Vehicle Collision",
        incident_severity: "Total Loss",
        witnesses: 0,
        authorities_contacted: "Police",
      },
    );
    expect(String(r.extracted_data.description)).toMatch(/hit a tree/);
  });

  it("a short e-mail style statement", () => {
    check(
      `From: Carlos Mendes
Subject: car stolen

Hi, my car was stolen from the street outside my house on 12/01/2024 overnight. Policy # 227811.
I'm claiming 9.800,00 EUR which is the value agreed in the policy.`,
      { policy_number: "227811", incident_date: "2024-01-12", amount_claimed: 9800, incident_type: "Vehicle Theft" },
    );
  });
});

describe("issue 14: captions and prose the first reader missed", () => {
  const captions: Array<[string, string]> = [
    ["Full name of policyholder", "Daniel Davis"],
    ["Name of the insured", "Grace O'Neil"],
    ["Full legal name of claimant", "Mateo Alvarez"],
  ];
  for (const [caption, name] of captions)
    it(`"${caption}" alone in its cell names the claimant`, () => {
      check(`${caption}                       ${name}\nPolicy Ref.                       PA-2018-504499`, {
        claimant_name: name,
        policy_number: "PA-2018-504499",
      });
    });

  const thefts = [
    "I parked my 2023 Honda Accord on Main Street on March 3rd, 2025 and when I returned it was gone.",
    "The car was taken from my driveway on March 3rd, 2025 and has not been recovered.",
    "On March 3rd, 2025 my vehicle was stolen from the station car park.",
  ];
  for (const sentence of thefts)
    it(`a theft told in a sentence: ${sentence.slice(0, 50)}…`, () => {
      check(sentence, { incident_type: "Vehicle Theft", incident_date: "2025-03-03" });
    });

  it("a collision told without the usual words is multi-vehicle", () => {
    check(
      "On March 3rd, 2025 a pickup truck traveling northbound ran the red light and struck the insured vehicle on the passenger side. Both vehicles were towed.",
      { incident_type: "Multi-vehicle Collision", collision_type: "Side Collision" },
    );
  });

  const otherVehicleHitMine: Array<[string, string | undefined]> = [
    [
      "I was stopped at a red light when a Kia Soul struck the rear of my 2008 Subaru Forester.",
      "Multi-vehicle Collision",
    ],
    ["On Elm Street a Mazda Mazda3 struck the rear of my 2010 Mazda CX-5.", "Multi-vehicle Collision"],
    ["Waiting to turn, a Ford F-150 rear-ended my Honda Civic.", "Multi-vehicle Collision"],
    ["An Audi A4 crashed into the passenger side of our minivan at the junction.", "Multi-vehicle Collision"],
    ["A deer struck my car on Route 9 and damaged the hood.", undefined],
    [
      "A deer ran onto Cedar Lane and my 2009 Hyundai Tucson struck it; the hood was damaged.",
      "Single Vehicle Collision",
    ],
    ["A moose stepped out in front of us and our truck hit it at dusk.", "Single Vehicle Collision"],
    ["While my Toyota Corolla was parked, a Jeep Wrangler backed into my car.", "Parked Car"],
  ];
  for (const [sentence, type] of otherVehicleHitMine)
    it(`another vehicle named by make hitting mine: ${sentence.slice(0, 50)}…`, () => {
      check(sentence, { incident_type: type });
    });

  it("a wrapped line of prose starting with 'passenger' does not open an injured persons' section", () => {
    check(
      `Dear Claims Team,
I am writing to report an accident that happened on March 3, 2025. My 2020
Toyota RAV4 slid on ice and hit the guard rail on Broad Street, damaging the
passenger side.
My policy number is 855-9132-CA. I understand my deductible of USD 500.00
applies. I am claiming USD 59,371.04 for the repairs.
Kind regards,
Mateo Campbell`,
      { claimant_name: "Mateo Campbell", amount_claimed: 59371.04, policy_number: "855-9132-CA" },
      0.6,
    );
  });

  it("a caption glued to the value before it in a text layer still labels its own value", () => {
    check(
      `Precision Collision Center                                   REPAIR ESTIMATE
9761 Industrial Way, Columbus, OH 43215                      Estimate date: 10-16-2026
Insured Name: Omar David Lopez                    Policy Num:       S76424609
Address:        9687 Oak Valley Drive, Columbus, OH 43215Incident Date:   09-27-2026`,
      { incident_date: "2026-09-27", claimant_name: "Omar David Lopez", policy_number: "S76424609" },
      0.6,
    );
  });

  it("OCR runs a caption into its value, or a value into the next caption", () => {
    check(
      `Name of InsuredHiroshi Thompson                        Deductible:        500.00
Address:       3012 Cedar Lane, Springfield, IL 6270Claim #:              CLM-86-135548
Phone:          (493) 425-1707                         Incident Date:     07-13-2025
                                                       Policy Num:        AU4475B348`,
      { claimant_name: "Hiroshi Thompson", incident_date: "2025-07-13", policy_number: "AU4475B348" },
      0.6,
      "ocr",
    );
  });

  it("a short caption running into a word is not a caption", () => {
    check("InsuredVehicle: 2019 Honda Civic\nOwnerName Unknown", { claimant_name: undefined });
  });

  describe("an e-mail's sender, named by display name and address", () => {
    const body = "\nSubject: Claim\nDear Claims Team,\nMy car was hit on March 3, 2025.";
    it.each([
      ["From: Mateo Campbell <mateo.campbell@example.com>", "text-layer", "Mateo Campbell", false],
      ["From:    Mateo Camnhal]l <mateo.campbell@example.com>", "ocr", "Mateo Campbell", true],
      ["From: Ana Garcia-Lopez <ana.garcia-lopez2@mail.example>", "text-layer", "Ana Garcia-Lopez", false],
      ["From: Claims Desk <claims@insurer.example>", "text-layer", undefined, true],
      ["From: Anna Lee <john.smith@mail.example>", "ocr", undefined, true],
    ] as const)("%s (%s) → %s", (from, source, name, review) => {
      const result = extractClaimFields({ pages: [{ text: from + body, source, ocrConfidence: 0.9 }] });
      expect(result.extracted_data.claimant_name).toBe(name);
      expect(result.needs_review?.includes("claimant_name")).toBe(review);
    });
  });

  const otherDates: Array<[string, string | undefined]> = [
    ["Precision Collision Center                Estimate date: 10-16-2026", undefined],
    ["Collision report. Date of report: 03/20/2025", undefined],
    ["Invoice date 03/20/2025 for the collision repairs", undefined],
    ["The collision happened on 03/14/2025.", "2025-03-14"],
    [
      "From: Ingrid White <ingrid.white@example.com>\nSent: Wed, 06 Mar 2024 10:00\nHello,\nOn 03/04/2024 I was involved in an accident.",
      "2024-03-04",
    ],
  ];
  it.each([
    ["The repairs came to -2,026,500.00 according to the shop.", "text-layer"],
    ["Reported 10-20-2026. I am claiming -2026 500.00 for the damage.", "ocr"],
  ] as const)("an amount below zero in a sentence is never the amount claimed: %s", (text, source) => {
    check(text, { amount_claimed: undefined }, 0.3, source);
  });

  for (const [text, date] of otherDates)
    it(`a date captioned as another date is not the loss: ${text.slice(0, 40)}…`, () => {
      check(text, { incident_date: date });
    });

  it("a policy caption in a row of table headers does not take the next column's value", () => {
    const result = extractClaimFields({
      pages: [
        {
          text: "CLAIM NUMBER                 POLICY NUMBER\n  CLM-84-061457               AU6566S036",
          source: "ocr",
          ocrConfidence: 0.85,
        },
      ],
    });
    expect(result.extracted_data.policy_number).toBe("AU6566S036");
  });

  it("a policy number wrapped onto the next line of a sentence is still read", () => {
    check("I am writing about my claim under policy number\nAB-2024-556677 for the collision on 03/14/2025.", {
      policy_number: "AB-2024-556677",
    });
  });

  it("a car hit while parked is a parked-car loss, not a theft", () => {
    check("My car was parked on Elm Street on March 3rd, 2025 and was found with a dented rear door.", {
      incident_type: "Parked Car",
    });
  });
});

describe("OCR noise", () => {
  it.each([
    [`C1aimant Name: R0bert Smith\nPo1icy No.: P0L-2O25-OO9876\nDate 0f Loss: O3/l4/2O25\nAmount C1aimed: $ 4,25O.OO`],
    [
      `Claimant  Name :  Robert   Smith\nPolicy  Number ;  POL-2025 - 009876\nDate of Loss . 03/14/2025\nAmount Claimed  $4,250.00 .`,
    ],
    [`CLAIMANT NAME: ROBERT SMITH\nPOLICY NO: POL-2025-009876\nDATE OF LOSS: 03/14/2025\nAMOUNT CLAIMED: 4 250.00`],
    [
      `Cla imant Na me: Robert Smith\nPol icy Num ber: POL-2025-009876\nDa te of Lo ss: 03/14/2025\nAmo unt Clai med: $4,250.00`,
    ],
  ])("%s", (text) => {
    check(
      text,
      {
        claimant_name: "Robert Smith",
        policy_number: "POL-2025-009876",
        incident_date: "2025-03-14",
        amount_claimed: 4250,
      },
      0.6,
      "ocr",
    );
  });
});

describe("a poor copy's captions and rows (labels above values)", () => {
  const notice = (policyCaption: string, thirdParty: string) => `   Cover details
   Insurance Company                 Inception Date                     ${policyCaption}
   Lakeside Insurance Co.             10 March 2026                      AH1584634P
   Policy Holder                      Address                            Contact Number
   TORRES, MATEO                      5929 Oak Valley Drive, Madison     (774) 600-5411
   About the incident
   Date of this Report                Total Claimed                      Excess Deductible
   26 August 2026                     $1,227.13                          $ 1,000
   Location of Loss                   Time of Loss                       When did the loss occur?
   Madison, WI 53703                  11:15 AM                           3 August 2026
   ${thirdParty}
   Name                               Insurance Company                  Policy ID
   REED, CARLOS                       Harbor Point Insurance             CI19923421G`;
  const read = (text: string) =>
    extractClaimFields({ pages: [{ text, source: "ocr", ocrConfidence: 0.8 }], today: "2026-11-28" });

  it("a caption with one letter misread still labels its value; the box's side read as I does not hide a section", () => {
    const r = read(notice("Poliey ID", "I Third party"));
    expect(r.extracted_data).toMatchObject({
      policy_number: "AH1584634P",
      claimant_name: "Mateo Torres",
      amount_claimed: 1227.13,
    });
  });

  it("the date under the loss caption, not the report date a sentence pieced across the rows finds", () => {
    const r = read(notice("Policy ID", "Third party"));
    expect(r.extracted_data.incident_date).toBe("2026-08-03");
  });

  it("a box's sides read as letters and brackets around captions and values do not hide them", () => {
    const boxed = `     POLICY                                     INSURANCE COMPANY
       CAR-202]1-116116                         Summit Assurance
      INSURED'S NAME                            ADDRESS                                PHONE
     I Martinez, Keisha                         5167 Main Street, Boise, ID 83702       I (246) 528-4870
      TIME OF LOSS                              LOCATION OF LOSS                        CLAIM AMOUNT
       12:05 PM                                "Boise, ID 83702                         i 29.699 52
     I INCIDENT DATE                            DATE REPORTED                           I DEDUCTIBLE
       10-08-2026                              10-24-2026                                 500.00`;
    expect(read(boxed).extracted_data).toMatchObject({
      claimant_name: "Keisha Martinez",
      policy_number: "CAR-2021-116116",
      incident_date: "2026-10-08",
      amount_claimed: 29699.52,
    });
    // In a text layer the same letters are text.
    const typed = extractClaimFields({ pages: [{ text: boxed, source: "text-layer" }], today: "2026-11-28" });
    expect(typed.extracted_data.policy_number).not.toBe("CAR-2021-116116");
  });

  it("a one-letter slip is not taken in a short caption or one followed by more words", () => {
    expect(read("Nane: Mateo Torres").extracted_data.claimant_name).toBeUndefined();
    expect(read("Poliey IDs held by the family AH1584634P").fields.policy_number?.method).not.toBe("table");
  });
});

describe("captions made of caption words, surnames of several words, two-digit years", () => {
  const typed = (text: string) => extractClaimFields({ pages: [{ text, source: "text-layer" }], today: "2026-11-28" });

  it("a caption alone in its cell is read whole, not as the list's shorter label", () => {
    const r = typed(`Insurance Company                     Insurance Policy No.
 Harbor Point Insurance                Q04102855
Claimant's Full Name                  Mobile
 Victor Turner                         (879) 887-6028`);
    expect(r.extracted_data).toMatchObject({ policy_number: "Q04102855", claimant_name: "Victor Turner" });
  });

  it("two captions run together are two, not one made of both", () => {
    const r = typed(`TIME OF LOSS CLAIM AMOUNT
12:45 AM     USD 6,075.71`);
    expect(r.extracted_data.amount_claimed).not.toBe(12);
    const columns = typed(`TIME OF LOSS                               CLAIM AMOUNT
 12:45 AM                                   USD 6,075.71`);
    expect(columns.extracted_data.amount_claimed).toBe(6075.71);
  });

  it.each([
    ["ST. CLAIR, HANNAH J.", "Hannah J. St. Clair"],
    ["De la Cruz, Maria", "Maria De la Cruz"],
    ["Reed, Carlos", "Carlos Reed"],
  ])("a surname first, of one word or several: %s", (name, want) => {
    expect(typed(`Policy Holder:       ${name}`).extracted_data.claimant_name).toBe(want);
  });

  it("a birth date whose two-digit year reads as a future one bounds no date of loss", () => {
    const r = typed(`3. Birth Date                             7/27/49
10. When did the loss occur?              5/20/25`);
    expect(r.extracted_data.incident_date).toBe("2025-05-20");
  });
});

describe("things that are not the claim's fields", () => {
  it("ignores date of birth, deductible, premium and claim number", () => {
    const r = extractClaimFields(
      `Date of Birth: 02/11/1980\nDeductible: $1,000.00\nAnnual Premium: $1,406.91\nClaim Number: CLM-2025-88\nPolicy Period: 01/01/2025 - 12/31/2025`,
    );
    expect(r.extracted_data.incident_date === undefined || (r.confidence.incident_date ?? 0) < 0.5).toBe(true);
    expect(r.extracted_data.amount_claimed === undefined || (r.confidence.amount_claimed ?? 0) < 0.5).toBe(true);
    expect(r.extracted_data.policy_number).toBeUndefined();
  });
  it("a severity of Total Loss is not an amount", () => {
    const r = check(`Severity: Total Loss\nAmount Claimed: $52,080.00`, {
      incident_severity: "Total Loss",
      amount_claimed: 52080,
    });
    expect(r.document_type).toBe("claim");
  });
  it("an unrelated document yields few fields with low confidence", () => {
    const r = extractClaimFields("The quick brown fox jumps over the lazy dog. Lorem ipsum dolor sit amet.");
    expect(Object.keys(r.extracted_data)).toEqual([]);
  });
});

describe("filled AcroForm fields", () => {
  it("reads values straight from field names", () => {
    const r = extractClaimFields({
      pages: [{ text: "", source: "text-layer" }],
      formFields: {
        claimant_name: "Susan Hill",
        PolicyNumber: "AUT-100200",
        "form1[0].page1[0].DateOfLoss[0]": "2025-02-01",
        txtAmountClaimed: "3,250.75",
        incident_severity: "Minor Damage",
        police_report_yes: "On",
        witnesses: "2",
      },
    });
    expect(r.extracted_data).toMatchObject({
      claimant_name: "Susan Hill",
      policy_number: "AUT-100200",
      incident_date: "2025-02-01",
      amount_claimed: 3250.75,
      incident_severity: "Minor Damage",
      police_report_available: "YES",
      witnesses: 2,
    });
    expect(r.fields.claimant_name?.method).toBe("form-field");
    expect(r.confidence.claimant_name).toBeGreaterThan(0.9);
  });
});

describe("CMS-1500 health claim form", () => {
  it("recognises the fillable form from its field names", () => {
    const r = extractClaimFields({
      pages: [{ text: "Sharma, Rahul   ID10- 45678", source: "text-layer" }],
      formFields: {
        pt_name: "Sharma, Rahul",
        insurance_id: "ID10- 45678",
        diagnosis1: "S02.91XA",
        diagnosis2: "S06.899A",
        diag1: "A2",
        cpt1: "99213",
        cpt2: "J1100",
        ch1: "1500",
        ch2: "748.57",
        t_charge: "2248.57",
        sv1_mm_from: "02",
        sv1_dd_from: "23",
        sv1_yy_from: "25",
        sv1_mm_end: "02",
        sv1_dd_end: "23",
        sv1_yy_end: "25",
        sv2_mm_from: "04",
        sv2_dd_from: "18",
        sv2_yy_from: "25",
        sv2_mm_end: "04",
        sv2_dd_end: "18",
        sv2_yy_end: "25",
      },
    });
    expect(r.document_type).toBe("cms1500");
    expect(r.extracted_data).toMatchObject({
      patient_name: "Rahul Sharma",
      insured_id: "ID10-45678",
      diagnosis_codes: ["S02.91XA", "S06.899A"],
      procedure_codes: ["99213", "J1100"],
      charges: [1500, 748.57],
      total_charge: 2248.57,
      dates_of_service: [
        { from: "2025-02-23", to: "2025-02-23" },
        { from: "2025-04-18", to: "2025-04-18" },
      ],
      claimant_name: "Rahul Sharma",
      policy_number: "ID10-45678",
      amount_claimed: 2248.57,
      incident_date: "2025-02-23",
    });
    expect(r.confidence.procedure_codes).toBeGreaterThan(0.9);
  });

  it("flags procedure codes that are not CPT/HCPCS with low confidence", () => {
    const r = extractClaimFields({
      pages: [],
      formFields: { pt_name: "Doe, Jane", insurance_id: "X1234", cpt1: "A8z29", t_charge: "10", diagnosis1: "J45.909" },
    });
    expect(r.document_type).toBe("cms1500");
    expect(r.extracted_data.procedure_codes).toEqual(["A8Z29"]);
    expect(r.confidence.procedure_codes).toBeLessThan(0.6);
  });

  it("reads a printed (or OCR'd) CMS-1500 from its captions", () => {
    const text = `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
1a. INSURED'S I.D. NUMBER                    (For Program in Item 1)
    W123456789
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)
   DOE, JANE M
21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY Relate A-L to service line below (24E)   ICD Ind. 0
A. J45.909        B. R05.9         C.              D.
24. A. DATE(S) OF SERVICE          B.       C.   D. PROCEDURES, SERVICES, OR SUPPLIES   E.   F.
01 10 25   01 10 25   11        99213   25        AB     125.00
01 10 25   01 10 25   11        94640             A      48.50
25. FEDERAL TAX I.D. NUMBER    26. PATIENT'S ACCOUNT NO.   28. TOTAL CHARGE
12-3456789                     ACC-77                      $ 173.50`;
    const r = extractClaimFields(text);
    expect(r.document_type).toBe("cms1500");
    expect(r.extracted_data).toMatchObject({
      patient_name: "Jane M Doe",
      insured_id: "W123456789",
      diagnosis_codes: ["J45.909", "R05.9"],
      procedure_codes: ["99213", "94640"],
      charges: [125, 48.5],
      total_charge: 173.5,
      dates_of_service: [
        { from: "2025-01-10", to: "2025-01-10" },
        { from: "2025-01-10", to: "2025-01-10" },
      ],
    });
  });

  it("an auto claim form is not a CMS-1500", () => {
    expect(extractClaimFields("Claimant: John Doe\nPatient's name: n/a\nDate of Loss: 2025-01-01").document_type).toBe(
      "claim",
    );
  });
});
