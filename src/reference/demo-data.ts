/**
 * A small reference set that reproduces the health-claims engine's examples (member M123 at provider H456,
 * diagnosis D001 treated by procedure P001 averaging 10,000.00) plus a few members and
 * providers in other states, so every adjudication outcome can be tried by hand.
 * INSERT OR IGNORE: re-running never resets balances.
 */
export async function loadDemoReferenceData(db: D1Database, now = new Date().toISOString()): Promise<void> {
  const member = (id: string, first: string, last: string, status: string, limit: number, remaining: number) =>
    db
      .prepare(
        "INSERT OR IGNORE INTO members (member_id, first_name, last_name, status, benefit_limit_cents, remaining_benefit_cents, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .bind(id, first, last, status, limit * 100, remaining * 100, now);
  const provider = (id: string, name: string, status: string) =>
    db
      .prepare("INSERT OR IGNORE INTO providers (provider_id, name, status, updated_at) VALUES (?, ?, ?, ?)")
      .bind(id, name, status, now);
  const diagnosis = (code: string, description: string) =>
    db
      .prepare("INSERT OR IGNORE INTO diagnosis_codes (code, description, billable, updated_at) VALUES (?, ?, 1, ?)")
      .bind(code, description, now);
  const procedure = (code: string, description: string, average: number, stdDev: number) =>
    db
      .prepare(
        "INSERT OR IGNORE INTO procedure_codes (code, description, average_cost_cents, cost_std_dev_cents, updated_at) VALUES (?, ?, ?, ?, ?)",
      )
      .bind(code, description, average * 100, stdDev * 100, now);
  const rule = (diagnosisPattern: string, procedurePattern: string) =>
    db
      .prepare("INSERT OR IGNORE INTO procedure_rules (diagnosis_pattern, procedure_pattern) VALUES (?, ?)")
      .bind(diagnosisPattern, procedurePattern);

  await db.batch([
    member("M123", "Amina", "Otieno", "ACTIVE", 100_000, 100_000),
    member("M124", "Brian", "Kamau", "INACTIVE", 50_000, 50_000),
    member("M125", "Carol", "Wanjiru", "ACTIVE", 50_000, 5_000),
    member("M126", "David", "Mwangi", "ACTIVE", 50_000, 0),
    provider("H456", "Nairobi General Hospital", "ACTIVE"),
    provider("H457", "Closed Clinic", "INACTIVE"),
    diagnosis("D001", "Acute appendicitis (demo code)"),
    diagnosis("D002", "Fracture of forearm (demo code)"),
    procedure("P001", "Appendectomy (demo code)", 10_000, 2_500),
    procedure("P002", "Forearm cast (demo code)", 1_500, 400),
    rule("D001", "P001"),
    rule("D002", "P002"),
  ]);
}
