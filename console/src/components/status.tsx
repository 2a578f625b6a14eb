/** An error from the API, in its own words, announced to screen readers. */
export function ErrorNote({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** Shown while a request is under way; a live region so assistive technology hears it too. */
export function Busy({ label, active }: { label: string; active: boolean }) {
  return (
    <p className="busy" role="status" aria-live="polite">
      {active ? (
        <>
          <span className="spinner" aria-hidden="true" /> {label}…
        </>
      ) : null}
    </p>
  );
}
