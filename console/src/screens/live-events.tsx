import { useEffect, useState } from "react";
import { api, errorText, type Schemas } from "../api/client";
import { Busy, ErrorNote } from "../components/status";

type DomainEvent = Schemas["DomainEvent"];
type Connection = "connecting" | "live" | "reconnecting";

/**
 * A customer's events: the log so far, then live over the WebSocket stream (a single-use
 * ticket, resumed after the last event shown), reconnecting when the connection drops.
 */
export function LiveEvents() {
  const [events, setEvents] = useState<DomainEvent[]>([]);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let closed = false;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let last: string | undefined;
    const seen = new Set<string>();
    const add = (incoming: DomainEvent[]) => {
      const fresh = incoming.filter((e) => !seen.has(e.id));
      for (const e of fresh) seen.add(e.id);
      if (fresh.length) {
        last = fresh[fresh.length - 1]!.id;
        setEvents((current) => [...current, ...fresh]);
      }
    };

    async function history() {
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const { data, error } = await api.GET("/api/v1/events", { params: { query: { limit: 100, after } } });
        if (!data) throw new Error(errorText(error, "Could not load your events"));
        add(data.events);
        if (!data.next_after) return;
        after = data.next_after;
      }
    }

    async function connect() {
      const { data, error } = await api.POST("/api/v1/events/stream/ticket");
      if (closed) return;
      if (!data) {
        setError(errorText(error, "Could not open the live stream"));
        return;
      }
      const url = new URL(data.stream_url, window.location.origin);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      if (last) url.searchParams.set("after", last);
      socket = new WebSocket(url);
      socket.addEventListener("open", () => setConnection("live"));
      socket.addEventListener("message", (message) => add([JSON.parse(String(message.data)) as DomainEvent]));
      socket.addEventListener("close", () => {
        if (closed) return;
        setConnection("reconnecting");
        retry = setTimeout(connect, 2000);
      });
    }

    history()
      .catch((e: Error) => setError(e.message))
      .finally(() => {
        setLoading(false);
        if (!closed) void connect();
      });
    return () => {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, []);

  return (
    <main>
      <h1>My events</h1>
      <p role="status" data-testid="stream-state">
        {connection === "live" ? "Live: new events appear as they happen." : `Stream ${connection}…`}
      </p>
      <Busy label="Loading your events" active={loading} />
      <ErrorNote message={error} />
      {!loading && events.length === 0 ? <p>No events yet.</p> : null}
      <ol className="timeline" aria-label="Events">
        {events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.time}>{event.time.slice(0, 19).replace("T", " ")}</time>{" "}
            <strong>{event["detail-type"]}</strong>
            {typeof event.detail.reason === "string" ? ` — ${event.detail.reason}` : ""}
          </li>
        ))}
      </ol>
    </main>
  );
}
