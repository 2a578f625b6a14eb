import { useSyncExternalStore } from "react";

export interface SessionUser {
  id: string;
  email: string;
  role: "admin" | "insurer" | "provider" | "customer";
  first_name?: string;
  last_name?: string;
}

interface State {
  token: string | null;
  user: SessionUser | null;
  notice: string | null;
}

const KEY = "claimsedge.session";
// sessionStorage: the token lives as long as the tab, and is gone when it closes.
let state: State = (() => {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as State | null;
    return saved ?? { token: null, user: null, notice: null };
  } catch {
    return { token: null, user: null, notice: null };
  }
})();
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  sessionStorage.setItem(KEY, JSON.stringify({ ...next, notice: null }));
  for (const listener of listeners) listener();
}

export const session = {
  token: () => state.token,
  start: (token: string, user: SessionUser) => set({ token, user, notice: null }),
  end: () => set({ token: null, user: null, notice: null }),
  expire: () => set({ token: null, user: null, notice: "Your session has expired: log in again." }),
};

export function useSession(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export const isStaff = (user: SessionUser | null) => user?.role === "admin" || user?.role === "insurer";
