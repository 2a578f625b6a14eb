import { hashPassword } from "../../src/auth/password";

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD unless that email already exists. */
export async function ensureAdmin(db: D1Database, vars: Record<string, string>): Promise<void> {
  const email = vars.ADMIN_EMAIL?.trim().toLowerCase();
  const password = vars.ADMIN_PASSWORD;
  if (!email || !password) throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD must be set in .dev.vars");
  const existing = await db.prepare("SELECT id FROM users WHERE email = ?").bind(email).first();
  if (existing) {
    console.log(`admin ${email} already exists`);
    return;
  }
  const id = crypto.randomUUID();
  await db.batch([
    db
      .prepare(
        "INSERT INTO users (id, email, password_hash, first_name, last_name, role) VALUES (?, ?, ?, 'First', 'Admin', 'admin')",
      )
      .bind(id, email, await hashPassword(password)),
    db
      .prepare(
        "INSERT INTO audit_events (entity_type, entity_id, action, after) VALUES ('user', ?, 'user.bootstrapped_admin', ?)",
      )
      .bind(id, JSON.stringify({ email, role: "admin" })),
  ]);
  console.log(`created admin ${email} (password in .dev.vars)`);
}
