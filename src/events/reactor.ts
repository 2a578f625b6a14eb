import type { Database } from "../db/client";
import type { DetailType, DomainEvent } from "../domain/events/catalog";
import type { Env } from "../env";
import type { LoggedEvent, Statement } from "./event-log";

/** What a reactor does about one event: statements committed with its receipt, events published after. */
export interface Reaction {
  statements: Statement[];
  events: DomainEvent[];
}

export const NO_REACTION: Reaction = { statements: [], events: [] };

/**
 * A consumer of domain events. `react` must write its effects only through the returned statements
 * (they commit in one batch with the receipt, so a redelivered event changes nothing) or be
 * idempotent itself (e.g. starting a Workflow instance whose id is derived from the event's
 * business key).
 */
export interface Reactor {
  name: string;
  reactsTo: readonly DetailType[];
  react(env: Env, db: Database, event: LoggedEvent): Promise<Reaction>;
}
