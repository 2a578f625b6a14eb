import type { Api } from "../api";
import { registerListDeadLetters } from "./dead-letters/list";
import { registerListEvents } from "./list";
import { registerPostRedeliverEvent } from "./redeliver/post";
import { registerGetEventStream } from "./stream/get";
import { registerPostStreamTicket } from "./stream/ticket/post";

export function registerEventRoutes(app: Api): void {
  registerListEvents(app);
  registerGetEventStream(app);
  registerPostStreamTicket(app);
  registerListDeadLetters(app);
  registerPostRedeliverEvent(app);
}
