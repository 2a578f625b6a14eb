import type { LocalServer } from "../../scripts/lib/local-server";
import { apiClient } from "./api";

/** A hospital user of the demo provider H456 and a member BENCH with a benefit no benchmark exhausts; the hospital's token. */
export async function benchHospital(server: LocalServer): Promise<string> {
  const { post, login } = apiClient(server.baseUrl);
  const admin = await login(server.adminEmail, server.adminPassword);
  await post(
    "/api/v1/auth/register",
    {
      email: "bench@hospital.test",
      password: "bench-password",
      first_name: "Bench",
      last_name: "Mark",
      role: "provider",
      provider_id: "H456",
    },
    admin,
  );
  await post("/api/v1/members", { member_id: "BENCH", benefit_limit: 90_000_000 }, admin);
  return login("bench@hospital.test", "bench-password");
}
