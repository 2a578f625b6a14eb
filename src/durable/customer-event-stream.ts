import { DurableObject } from "cloudflare:workers";
import { createDatabase } from "../db/client";
import { eventForCustomer } from "../domain/events/customer-view";
import type { Env } from "../env";
import { customerEventsAfter, envelopeOf } from "../events/event-log";

/** What each socket remembers across hibernation: the last log position it was sent. */
interface SocketState {
  cursor: number;
  userId: string;
}

/** The headers the Worker sets when it hands an authenticated upgrade to the stream. */
export const STREAM_HEADERS = {
  customerId: "x-stream-customer",
  userId: "x-stream-user",
  sessionId: "x-stream-session",
  after: "x-stream-after",
};

/** The tags a socket is filed under, so the streams of one user or one login session can be closed. */
export const streamTags = {
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
};

/** Sockets one customer may hold open at once (tabs, devices); the oldest is closed beyond it. */
export const MAX_SOCKETS_PER_CUSTOMER = 64;
const PAGE = 200;

/**
 * One per customer (named by customer id): holds the customer's WebSockets with the hibernation
 * API and sends each socket the customer's events from the log in log order, from the socket's
 * cursor on. Ordering and gap-freedom come from the log, not from queue delivery: a poke only
 * says "read the log", so a duplicate poke sends nothing twice.
 */
export class CustomerEventStream extends DurableObject<Env> {
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alives are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** Accepts an upgrade the Worker has authenticated; replays from `after` (a log position), then live. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const customerId = request.headers.get(STREAM_HEADERS.customerId);
    const userId = request.headers.get(STREAM_HEADERS.userId);
    const sessionId = request.headers.get(STREAM_HEADERS.sessionId);
    const after = Number(request.headers.get(STREAM_HEADERS.after) ?? "0");
    if (!customerId || !userId || !Number.isSafeInteger(after) || after < 0) {
      return new Response("bad stream request", { status: 400 });
    }
    await this.ctx.storage.put("customerId", customerId);
    const open = this.ctx.getWebSockets();
    if (open.length >= MAX_SOCKETS_PER_CUSTOMER) open[0]?.close(1008, "too many open streams for this customer");

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, [streamTags.user(userId), ...(sessionId ? [streamTags.session(sessionId)] : [])]);
    server.serializeAttachment({ cursor: after, userId } satisfies SocketState);
    this.ctx.waitUntil(this.logGrew());
    return new Response(null, { status: 101, webSocket: client });
  }

  /** The customer's log has grown (or a socket is new): send every socket what it has not seen. */
  async logGrew(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.pumpAgain = false;
          await this.pump();
        } while (this.pumpAgain);
      } finally {
        this.pumping = undefined;
      }
    })();
    return this.pumping;
  }

  /** Closes every socket (the customer was erased or its access revoked). */
  async closeAll(reason: string): Promise<number> {
    const sockets = this.ctx.getWebSockets();
    for (const socket of sockets) socket.close(1008, reason.slice(0, 120));
    return sockets.length;
  }

  /** Closes the sockets filed under a tag (a user deactivated, a session logged out or revoked). */
  async closeTagged(tag: string, reason: string): Promise<number> {
    const sockets = this.ctx.getWebSockets(tag);
    for (const socket of sockets) socket.close(1008, reason.slice(0, 120));
    return sockets.length;
  }

  async openSockets(): Promise<number> {
    return this.ctx.getWebSockets().length;
  }

  override async webSocketMessage(): Promise<void> {
    // Clients only listen; "ping" is answered by the auto-response.
  }

  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    try {
      socket.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      // already closed
    }
  }

  private async pump(): Promise<void> {
    const sockets = this.ctx.getWebSockets().filter((s) => s.readyState === WebSocket.OPEN);
    if (sockets.length === 0) return;
    const customerId = await this.ctx.storage.get<string>("customerId");
    if (!customerId) return;
    const states = new Map(sockets.map((s) => [s, s.deserializeAttachment() as SocketState]));
    const db = createDatabase(this.env.DB);
    let from = Math.min(...[...states.values()].map((s) => s.cursor));
    while (true) {
      const page = await customerEventsAfter(db, customerId, from, PAGE);
      for (const event of page) {
        const message = JSON.stringify(eventForCustomer(envelopeOf(event)));
        for (const [socket, state] of states) {
          if (event.seq <= state.cursor || socket.readyState !== WebSocket.OPEN) continue;
          socket.send(message);
          state.cursor = event.seq;
        }
      }
      for (const [socket, state] of states) {
        if (socket.readyState === WebSocket.OPEN) socket.serializeAttachment(state);
      }
      if (page.length < PAGE) return;
      from = page[page.length - 1]!.seq;
    }
  }
}
