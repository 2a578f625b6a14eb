import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client";
import { domainEvent } from "../../src/domain/events/catalog";
import type { CustomerEventStream } from "../../src/durable/customer-event-stream";
import { runBatch } from "../../src/events/batch";
import { appendEvents } from "../../src/events/event-log";
import { notifyStreams } from "../../src/events/publish";
import { eventStream } from "../../src/events/streams";
import { postStreamTicketRoute } from "../../src/routes/events/stream/ticket/post";
import { acceptedCustomer, allDelivered, eventsOf, loginAs } from "../customers/journey";
import { api, createUser, expectError, readAs } from "../helpers";
import { waitFor } from "./wait";

interface Received {
  id: string;
  "detail-type": string;
  detail: Record<string, unknown>;
}

/** Opens the customer's stream the way a client does and collects what arrives. */
async function openStream(query: string, init: { token?: string } = {}) {
  const res = await api(`/api/v1/events/stream${query}`, { token: init.token, headers: { upgrade: "websocket" } });
  const socket = res.webSocket;
  if (res.status !== 101 || !socket) throw new Error(`expected 101, got ${res.status} ${await res.text()}`);
  socket.accept();
  const received: Received[] = [];
  socket.addEventListener("message", (message) => received.push(JSON.parse(message.data as string)));
  let closedWith: { code: number; reason: string } | undefined;
  socket.addEventListener("close", (event) => {
    closedWith = { code: event.code, reason: event.reason };
  });
  return {
    received,
    socket,
    /** How the server closed the socket, once it has. */
    closed: () => waitFor(async () => closedWith, 10_000, "the socket to close"),
    isOpen: () => closedWith === undefined,
    until: (n: number) =>
      waitFor(async () => (received.length >= n ? received.slice() : undefined), 10_000, `${n} events`),
  };
}

const db = () => createDatabase(env.DB);
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

async function appendRejection(customerId: string, reason: string) {
  const event = domainEvent("Customer.Rejected", crypto.randomUUID(), { customerId, reason }, new Date().toISOString());
  await runBatch(db(), appendEvents(db(), [event]));
  return event;
}

describe("GET /events/stream", () => {
  it("replays the customer's events in log order, then pushes new ones live, each once", async () => {
    const customer = await acceptedCustomer();
    await allDelivered(customer.customerId);
    const stream = await openStream("", { token: customer.token });
    const replayed = await stream.until(2);
    expect(replayed.map((e) => e["detail-type"])).toEqual(["Customer.Submitted", "Customer.Accepted"]);
    expect(replayed[1]!.detail.customerId).toBe(customer.customerId);

    const live = await appendRejection(customer.customerId, "live");
    await notifyStreams(env, [customer.customerId]);
    await notifyStreams(env, [customer.customerId, customer.customerId]);
    await stream.until(3);
    await quiet();
    expect(stream.received.map((e) => e.id)).toEqual([...replayed.map((e) => e.id), live.id]);
    stream.socket.close();
  });

  it("resumes after the last id a client received: exactly the missed events", async () => {
    const customer = await acceptedCustomer();
    await allDelivered(customer.customerId);
    const first = await openStream("", { token: customer.token });
    const seen = await first.until(2);
    first.socket.close();
    const missed = [
      await appendRejection(customer.customerId, "missed 1"),
      await appendRejection(customer.customerId, "missed 2"),
    ];

    const resumed = await openStream(`?after=${seen[1]!.id}`, { token: customer.token });
    await resumed.until(2);
    await quiet();
    expect(resumed.received.map((e) => e.id)).toEqual(missed.map((e) => e.id));

    const fromFirst = await openStream(`?after=${seen[0]!.id}`, { token: customer.token });
    await fromFirst.until(3);
    expect(fromFirst.received.map((e) => e.id)).toEqual([seen[1]!.id, ...missed.map((e) => e.id)]);
  });

  it("keeps each socket's place across hibernation: after eviction a poke sends only what is new", async () => {
    const customer = await acceptedCustomer();
    await allDelivered(customer.customerId);
    const stream = await openStream("", { token: customer.token });
    await stream.until(2);
    const stub = eventStream(env, customer.customerId);
    await evictDurableObject(stub, { webSockets: "hibernate" });

    const next = await appendRejection(customer.customerId, "after hibernation");
    await notifyStreams(env, [customer.customerId]);
    await stream.until(3);
    await quiet();
    expect(stream.received).toHaveLength(3);
    expect(stream.received[2]!.id).toBe(next.id);
    expect(await runInDurableObject(stub, (instance: CustomerEventStream) => instance.openSockets())).toBe(1);
  });

  it("opens with a single-use ticket (browsers), never twice", async () => {
    const customer = await acceptedCustomer();
    const res = await api("/api/v1/events/stream/ticket", { method: "POST", token: customer.token });
    const { ticket, stream_url } = await readAs(res, postStreamTicketRoute, 201);
    expect(stream_url).toBe(`/api/v1/events/stream?ticket=${ticket}`);
    const stream = await openStream(`?ticket=${ticket}`);
    await stream.until(2);
    await expectError(
      await api(`/api/v1/events/stream?ticket=${ticket}`, { headers: { upgrade: "websocket" } }),
      401,
      "UNAUTHORIZED",
    );
    await expectError(
      await api(`/api/v1/events/stream?ticket=${"x".repeat(43)}`, { headers: { upgrade: "websocket" } }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("a logout closes the streams its session opened (bearer or ticket) and only those; its unspent ticket opens nothing", async () => {
    const customer = await acceptedCustomer();
    const otherSession = await loginAs(customer.body.email, customer.body.password);
    const byToken = await openStream("", { token: customer.token });
    const { ticket } = await readAs(
      await api("/api/v1/events/stream/ticket", { method: "POST", token: customer.token }),
      postStreamTicketRoute,
      201,
    );
    const byTicket = await openStream(`?ticket=${ticket}`);
    const { ticket: unspent } = await readAs(
      await api("/api/v1/events/stream/ticket", { method: "POST", token: customer.token }),
      postStreamTicketRoute,
      201,
    );
    const elsewhere = await openStream("", { token: otherSession });
    await Promise.all([byToken.until(2), byTicket.until(2), elsewhere.until(2)]);

    expect((await api("/api/v1/auth/logout", { method: "POST", token: customer.token })).status).toBe(200);
    expect(await byToken.closed()).toMatchObject({ code: 1008, reason: "logged out" });
    expect(await byTicket.closed()).toMatchObject({ code: 1008, reason: "logged out" });
    await quiet();
    expect(elsewhere.isOpen()).toBe(true);
    const stub = eventStream(env, customer.customerId);
    expect(await runInDurableObject(stub, (instance: CustomerEventStream) => instance.openSockets())).toBe(1);
    await expectError(
      await api(`/api/v1/events/stream?ticket=${unspent}`, { headers: { upgrade: "websocket" } }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("deactivating the customer's user closes every stream it holds", async () => {
    const customer = await acceptedCustomer();
    const second = await loginAs(customer.body.email, customer.body.password);
    const streams = [await openStream("", { token: customer.token }), await openStream("", { token: second })];
    await Promise.all(streams.map((s) => s.until(2)));
    const userId = (await env.DB.prepare("SELECT id FROM users WHERE customer_id = ?")
      .bind(customer.customerId)
      .first<{ id: string }>())!.id;
    const admin = await createUser("admin");
    expect((await api(`/api/v1/users/${userId}`, { method: "DELETE", token: admin.token })).status).toBe(200);
    for (const stream of streams) expect(await stream.closed()).toMatchObject({ code: 1008, reason: "access changed" });
  });

  it("refuses an expired ticket", async () => {
    const customer = await acceptedCustomer();
    const { ticket } = await readAs(
      await api("/api/v1/events/stream/ticket", { method: "POST", token: customer.token }),
      postStreamTicketRoute,
      201,
    );
    await env.DB.prepare(
      "UPDATE stream_tickets SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id IN (SELECT user_id FROM customers WHERE id = ?)",
    )
      .bind(customer.customerId)
      .run();
    await expectError(
      await api(`/api/v1/events/stream?ticket=${ticket}`, { headers: { upgrade: "websocket" } }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("refuses to resume after another customer's event, and a request that is no upgrade", async () => {
    const [mine, theirs] = await Promise.all([acceptedCustomer(), acceptedCustomer()]);
    const theirEvent = (await eventsOf(theirs.customerId))[0]!;
    await expectError(
      await api(`/api/v1/events/stream?after=${theirEvent.id}`, {
        token: mine.token,
        headers: { upgrade: "websocket" },
      }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(await api("/api/v1/events/stream", { token: mine.token }), 400, "VALIDATION_ERROR");
  });
});
