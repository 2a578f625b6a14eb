import type { Schemas } from "../api/client";
import { describeClaimEvent } from "../fnol-event-words";

/** The claim's events, oldest first: when, which, and what it said in words. */
export function FnolTimeline({ events }: { events: Schemas["DomainEvent"][] }) {
  return (
    <section aria-labelledby="fnol-events-heading" className="panel">
      <h2 id="fnol-events-heading">Event timeline</h2>
      {events.length === 0 ? <p>No events for this claim yet.</p> : null}
      <ol className="timeline" aria-label="Claim events">
        {events.map((event) => (
          <li key={event.id} data-event-type={event["detail-type"]}>
            <time dateTime={event.time}>{event.time.slice(0, 19).replace("T", " ")}</time>{" "}
            <strong>{event["detail-type"]}</strong> — {describeClaimEvent(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
