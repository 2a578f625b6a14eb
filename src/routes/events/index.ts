import type { Api } from "../api";
import { registerListDeadLetters } from "./dead-letters/list";
import { registerPostReplayDeadLetter } from "./dead-letters/replay/post";
import { registerListEvents } from "./list";
import { registerGetEventStream } from "./stream/get";
import { registerPostStreamTicket } from "./stream/ticket/post";

export function registerEventRoutes(app: Api): void {
  registerListEvents(app);
  registerGetEventStream(app);
  registerPostStreamTicket(app);
  registerListDeadLetters(app);
  registerPostReplayDeadLetter(app);
}
