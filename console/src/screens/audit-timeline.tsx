import type { Schemas } from "../api/client";

const summary = (value: unknown) => {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** Every audited change of the claim, oldest first: who, when, what it was and what it became. */
export function AuditTimeline({ entries }: { entries: Schemas["AuditEntry"][] }) {
  return (
    <section aria-labelledby="audit-heading" className="panel">
      <h2 id="audit-heading">Audit trail</h2>
      {entries.length === 0 ? <p>No changes recorded yet.</p> : null}
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={`${entry.at}|${entry.action}|${entry.actor_id}|${summary(entry.after)}`}>
            <time dateTime={entry.at}>{entry.at.slice(0, 19).replace("T", " ")}</time> <strong>{entry.action}</strong>{" "}
            by {entry.actor_email ?? entry.actor_role ?? "the system"}
            {entry.after ? <span className="change"> → {summary(entry.after)}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
