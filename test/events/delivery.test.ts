import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { consumeDomainEvents } from "../../queues/domain-events";
import { createDatabase } from "../../src/db/client";
import { domainEvent } from "../../src/domain/events/catalog";
import type { DomainEventMessage } from "../../src/env";
import { runBatch } from "../../src/events/batch";
import { dispatchEvent } from "../../src/events/dispatch";
import { appendEvents, eventsById } from "../../src/events/event-log";
import { NO_REACTION, type Reactor } from "../../src/events/reactor";
import { RELAY_GRACE_SECONDS } from "../../src/events/relay";
import { runScheduledMaintenance } from "../../src/events/scheduled";
import worker from "../../src/index";
import { allDelivered, eventsOf, signUp, waitForEvent } from "../customers/journey";
import { api, createUser } from "../helpers";
import { waitFor } from "./wait";

const db = () => createDatabase(env.DB);
const count = async (sql: string, ...values: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...values)
    .first<{ n: number }>())!.n;
const message = (eventId: string, id = crypto.randomUUID(), attempts = 1) => ({
  id,
  timestamp: new Date(),
  attempts,
  body: { eventId } satisfies DomainEventMessage,
});

describe("delivery of domain events to reactors", () => {
  it("a duplicated delivery changes nothing: one verification email, one acceptance, one receipt per reactor", async () => {
    const { customerId } = await signUp();
    await waitForEvent(customerId, "Customer.Accepted");
    await allDelivered(customerId);
    const submitted = (await eventsOf(customerId)).find((e) => e.detail_type === "Customer.Submitted")!;
    await waitFor(async () =>
      (await count("SELECT count(*) AS n FROM reactor_receipts WHERE event_id = ?", submitted.id)) === 2
        ? true
        : undefined,
    );
    const before = {
      emails: await count("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?", customerId),
      codes: await env.DB.prepare("SELECT code_hash FROM email_verifications WHERE customer_id = ?")
        .bind(customerId)
        .first(),
    };
    expect(before.emails).toBe(2); // the code, then "your policy is active"

    const duplicates = [1, 2, 3].map(() => createMessageBatch("domain-events", [message(submitted.id)]));
    await Promise.all(duplicates.map((batch) => worker.queue(batch, env)));
    for (const batch of duplicates) {
      expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toHaveLength(1);
    }

    expect(await count("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?", customerId)).toBe(before.emails);
    expect(
      await env.DB.prepare("SELECT code_hash FROM email_verifications WHERE customer_id = ?").bind(customerId).first(),
    ).toEqual(before.codes);
    expect((await eventsOf(customerId)).map((e) => e.detail_type)).toEqual(["Customer.Submitted", "Customer.Accepted"]);
    expect(await count("SELECT count(*) AS n FROM reactor_receipts WHERE event_id = ?", submitted.id)).toBe(2);
  });

  it("a failing reactor is retried with backoff; the reactors that succeeded are not run again", async () => {
    const event = domainEvent(
      "Customer.Rejected",
      crypto.randomUUID(),
      { customerId: crypto.randomUUID(), reason: "test" },
      new Date().toISOString(),
    );
    await runBatch(db(), appendEvents(db(), [event]));
    const runs: string[] = [];
    let failing = true;
    const succeeding: Reactor = {
      name: "succeeding",
      reactsTo: ["Customer.Rejected"],
      react: async () => {
        runs.push("succeeding");
        return NO_REACTION;
      },
    };
    const flaky: Reactor = {
      name: "flaky",
      reactsTo: ["Customer.Rejected"],
      react: async () => {
        runs.push("flaky");
        if (failing) throw new Error("downstream unavailable");
        return NO_REACTION;
      },
    };
    const batch = createMessageBatch<DomainEventMessage>("domain-events", [message(event.id, "m-1", 3)]);
    await consumeDomainEvents(batch, env, [succeeding, flaky]);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["m-1"]);
    expect(
      await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?").bind(event.id).first(),
    ).toEqual({
      status: "PENDING",
    });

    failing = false;
    const [logged] = await eventsById(db(), [event.id]);
    const report = await dispatchEvent(env, db(), logged!, [succeeding, flaky]);
    expect(report).toEqual({ reacted: ["flaky"], alreadyDone: ["succeeding"] });
    expect(runs).toEqual(["succeeding", "flaky", "flaky"]);
    expect(
      await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?").bind(event.id).first(),
    ).toEqual({
      status: "DELIVERED",
    });
  });

  it("acknowledges a message that names no logged event, and writes nothing", async () => {
    const batch = createMessageBatch<DomainEventMessage>("domain-events", [
      message(crypto.randomUUID(), "m-unknown"),
      { id: "m-garbage", timestamp: new Date(), attempts: 1, body: { nonsense: true } as never },
    ]);
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks.sort()).toEqual([
      "m-garbage",
      "m-unknown",
    ]);
  });

  it("records what reaches the dead-letter queue, stops relaying it, and lets an admin redeliver it", async () => {
    const event = domainEvent(
      "Customer.Rejected",
      crypto.randomUUID(),
      { customerId: crypto.randomUUID(), reason: "test" },
      new Date().toISOString(),
    );
    await runBatch(db(), appendEvents(db(), [event]));
    const batch = createMessageBatch<DomainEventMessage>("domain-events-dlq", [message(event.id, "dead-1", 6)]);
    await worker.queue(batch, env);
    await worker.queue(
      createMessageBatch<DomainEventMessage>("domain-events-dlq", [message(event.id, "dead-1", 6)]),
      env,
    );
    expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toEqual(["dead-1"]);
    expect(await count("SELECT count(*) AS n FROM dead_letters WHERE event_id = ?", event.id)).toBe(1);
    expect(
      await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?").bind(event.id).first(),
    ).toEqual({
      status: "DEAD_LETTERED",
    });

    const admin = await createUser("admin");
    const list = await api("/api/v1/events/dead-letters", { token: admin.token });
    const letters = ((await list.json()) as { dead_letters: { id: number; event_id: string }[] }).dead_letters;
    expect(letters.find((l) => l.event_id === event.id)).toMatchObject({ event_id: event.id, attempts: 6 });
    const replay = await api(`/api/v1/events/${event.id}/redeliver`, { method: "POST", token: admin.token });
    expect(replay.status).toBe(202);
    await waitFor(async () => {
      const row = await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?")
        .bind(event.id)
        .first<{ status: string }>();
      return row?.status === "DELIVERED" ? true : undefined;
    });
  });
});

describe("the outbox relay", () => {
  it("re-sends an event nobody acknowledged after the grace period (a producer that died after its commit)", async () => {
    const { customerId } = await signUp();
    await waitForEvent(customerId, "Customer.Accepted");
    await allDelivered(customerId);
    const old = new Date(Date.now() - (RELAY_GRACE_SECONDS + 30) * 1000).toISOString();
    // The producer committed and died before publishing: the event is in the log, undelivered.
    const orphan = domainEvent("Customer.Rejected", crypto.randomUUID(), { customerId, reason: "orphaned" }, old);
    const fresh = domainEvent(
      "Customer.Rejected",
      crypto.randomUUID(),
      { customerId, reason: "fresh" },
      new Date().toISOString(),
    );
    await runBatch(db(), appendEvents(db(), [orphan, fresh]));
    const emailsBefore = await count("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?", customerId);

    const { relayed } = await runScheduledMaintenance(env);
    expect(relayed).toBeGreaterThanOrEqual(1);
    const freshRow = await env.DB.prepare("SELECT sends FROM event_deliveries WHERE event_id = ?")
      .bind(fresh.id)
      .first();
    expect(freshRow).toEqual({ sends: 1 });
    await waitFor(async () => {
      const row = await env.DB.prepare("SELECT status FROM event_deliveries WHERE event_id = ?")
        .bind(orphan.id)
        .first<{ status: string }>();
      return row?.status === "DELIVERED" ? true : undefined;
    });
    // The relayed event reached the notification reactor: its email was written, once.
    expect(await count("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?", customerId)).toBe(
      emailsBefore + 1,
    );
    await runScheduledMaintenance(env, new Date(Date.now() + 5 * 60_000));
    expect(await count("SELECT count(*) AS n FROM email_outbox WHERE customer_id = ?", customerId)).toBe(
      emailsBefore + 1,
    );
  });
});
