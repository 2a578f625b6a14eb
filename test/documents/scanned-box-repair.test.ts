// A form box's fixed format repairs OCR's slips in it: dates MM/DD/YYYY, amounts with cents.
import { describe, expect, it } from "vitest";
import { repairScannedBox } from "../../src/domain/documents/scanned-box-repair";

describe("repairScannedBox", () => {
  it.each([
    ["incident_date", "03/15/2024", "03/15/2024"],
    ["incident_date", "03/1572024", "03/15/2024"],
    ["incident_date", "03:15/2024", "03/15/2024"],
    ["incident_date", "02232026", "02/23/2026"],
    ["incident_date", "027232026", "02/23/2026"],
    ["incident_date", "097172023", "09/17/2023"],
    ["incident_date", "011112024", "01/11/2024"],
    // Either slash could have been the extra digit, giving two dates: left as read.
    ["incident_date", "091172023", "091172023"],
    ["incident_date", "025232026", "025232026"],
    ["incident_date", "13452026", "13452026"],
    ["incident_date", "2026", "2026"],
    ["amount_claimed", "$14,805 99", "$14,805.99"],
    ["amount_claimed", "$14 805 99", "$14,805.99"],
    ["amount_claimed", "§3 459 58", "$3,459.58"],
    ["amount_claimed", "$500 00", "$500.00"],
    ["amount_claimed", "$1,250.76", "$1,250.76"],
    ["amount_claimed", "$1,250", "$1,250"],
    ["amount_claimed", "$12 3456", "$12 3456"],
    ["amount_claimed", "1$1.250.76", "$1,250.76"],
    ["amount_claimed", "|$14,805.99", "$14,805.99"],
    ["amount_claimed", "$1.250.760.12", "$1,250,760.12"],
    ["amount_claimed", "$1.25", "$1.25"],
    ["amount_claimed", "$3.050 00", "$3,050.00"],
    ["amount_claimed", "11,250.76", "11,250.76"],
    ["amount_claimed", "$6469 $643.69", "$643.69"],
    ["amount_claimed", "$643.69 $6469", "$643.69"],
    ["amount_claimed", "$643.69 $64.39", "$643.69 $64.39"],
    ["amount_claimed", "$6469 $6439", "$6469 $6439"],
    ["policy_number", "02232026", "02232026"],
    // A fax drops thin slashes and hyphens.
    ["incident_date", "0104 2023", "01/04/2023"],
    ["incident_date", "01 04 2023", "01/04/2023"],
    ["incident_date", "01 04", "01 04"],
    ["incident_date", "04.10 2025", "04/10/2025"],
    ["policy_number", "LS AUTO 2026 966962", "LS-AUTO-2026-966962"],
    ["policy_number", "PAP 27255784", "PAP-27255784"],
    ["policy_number", "AUT-2023-496558", "AUT-2023-496558"],
    ["policy_number", "Policy 2026", "Policy 2026"],
    ["policy_number", "AB CD", "AB CD"],
  ])("%s %j reads %j", (field, raw, want) => {
    expect(repairScannedBox(field, raw)).toBe(want);
  });
});
