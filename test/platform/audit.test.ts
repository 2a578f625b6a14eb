import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { auditInsert } from "../../src/audit";
import { db } from "../helpers";

describe("audit trail", () => {
  it("is append-only: updates and deletes are refused by the database", async () => {
    await auditInsert(db(), {
      entityType: "test",
      entityId: "append-only",
      action: "created",
      actor: null,
      after: { a: 1 },
    });
    await expect(
      env.DB.prepare("UPDATE audit_events SET action = 'x' WHERE entity_id = 'append-only'").run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_events WHERE entity_id = 'append-only'").run()).rejects.toThrow(
      /append-only/,
    );
  });
});
