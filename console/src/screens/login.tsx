import { type FormEvent, useState } from "react";
import { api, errorText } from "../api/client";
import { Busy, ErrorNote } from "../components/status";
import { type SessionUser, session, useSession } from "../session";

export function Login() {
  const { notice } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { data, error } = await api.POST("/api/v1/auth/login", {
      body: { email: String(form.get("email")), password: String(form.get("password")) },
    });
    setBusy(false);
    if (!data) return setError(errorText(error, "Could not log in"));
    session.start(data.access_token, data.user as SessionUser);
  }

  return (
    <main className="login">
      <h1>ClaimsEdge</h1>
      <p>Log in to work claims, read reports or follow your own claims.</p>
      {notice ? <p className="notice">{notice}</p> : null}
      <form onSubmit={submit} aria-describedby="login-error">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Log in
        </button>
        <Busy label="Logging in" active={busy} />
        <div id="login-error">
          <ErrorNote message={error} />
        </div>
      </form>
    </main>
  );
}
