// A customer's event stream as the app opens it (a single-use ticket, then the WebSocket), for the
// first-notice-of-loss benchmarks: every event with the wall-clock time it arrived.
import { apiClient } from "./api";

export interface StreamedEvent {
  id: string;
  "detail-type": string;
  time: string;
  detail: Record<string, unknown>;
}

export interface ReceivedEvent {
  event: StreamedEvent;
  /** Date.now() on arrival, comparable with the envelope's `time` on the same machine. */
  at: number;
}

export async function openEventStream(baseUrl: string, token: string) {
  const { stream_url } = (await apiClient(baseUrl).post("/api/v1/events/stream/ticket", {}, token)) as {
    stream_url: string;
  };
  const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${stream_url}`);
  const received: ReceivedEvent[] = [];
  socket.addEventListener("message", (m) => received.push({ event: JSON.parse(String(m.data)), at: Date.now() }));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error("the stream did not open")), { once: true });
  });
  return {
    received,
    first: (type: string) => received.find((r) => r.event["detail-type"] === type),
    close: () => socket.close(),
  };
}

/** Polls until `done`, failing with `what` after the timeout. */
export async function waitFor(what: string, done: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The baseline both benchmarks compare against: an empty authenticated route, timed per call. */
export function emptyRouteTimer(baseUrl: string) {
  const samples: number[] = [];
  const time = async (token: string) => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    samples.push(performance.now() - started);
  };
  return { samples, time };
}
