import { Rng } from "../../src/ml/random";

/** Insurance-claims-like raw records with a planted fraud signal (severity, hobby, share), for tests in workerd. */
export function syntheticInsuranceClaims(n: number, seed: number): Record<string, string>[] {
  const rng = new Rng(seed);
  const pick = <T>(a: readonly T[]) => a[rng.int(a.length)] as T;
  const severities = ["Major Damage", "Minor Damage", "Total Loss", "Trivial Damage"];
  const hobbies = ["chess", "cross-fit", "reading", "golf", "camping", "movies"];
  return Array.from({ length: n }, () => {
    const severity = pick(severities);
    const hobby = pick(hobbies);
    const total = 5000 + rng.int(80000);
    const injury = Math.round(total * rng.next() * 0.3);
    const property = Math.round(total * rng.next() * 0.3);
    const z =
      -2 +
      (severity === "Major Damage" ? 2.2 : 0) +
      (hobby === "chess" || hobby === "cross-fit" ? 2.5 : 0) +
      rng.next();
    const fraud = rng.next() < 1 / (1 + Math.exp(-z));
    return {
      months_as_customer: String(rng.int(400)),
      age: String(20 + rng.int(50)),
      policy_bind_date: `${1 + rng.int(28)}/${1 + rng.int(12)}/${1990 + rng.int(25)}`,
      policy_annual_premium: (800 + rng.next() * 1000).toFixed(2),
      umbrella_limit: rng.next() < 0.8 ? "0" : "5000000",
      "capital-gains": String(rng.int(3) === 0 ? 0 : rng.int(90000)),
      "capital-loss": String(-rng.int(90000)),
      incident_date: `${1 + rng.int(28)}/${1 + rng.int(2)}/2015`,
      incident_type: pick(["Multi-vehicle Collision", "Single Vehicle Collision", "Vehicle Theft", "Parked Car"]),
      collision_type: pick(["Rear Collision", "Side Collision", "Front Collision", "?"]),
      incident_severity: severity,
      authorities_contacted: pick(["Police", "Fire", "Ambulance", "Other", "None"]),
      incident_hour_of_the_day: String(rng.int(24)),
      number_of_vehicles_involved: String(1 + rng.int(4)),
      bodily_injuries: String(rng.int(3)),
      witnesses: String(rng.int(4)),
      police_report_available: pick(["YES", "NO", "?"]),
      property_damage: pick(["YES", "NO", "?"]),
      insured_hobbies: hobby,
      total_claim_amount: String(total),
      injury_claim: String(injury),
      property_claim: String(property),
      vehicle_claim: String(total - injury - property),
      auto_year: String(1995 + rng.int(20)),
      fraud_reported: fraud ? "Y" : "N",
    };
  });
}
