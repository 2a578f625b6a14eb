import { uuidV5 } from "../settlement/uuid-v5";

// Fixed namespace of event ids: changing it would give replays new ids.
const EVENT_NAMESPACE = "9b1d3c52-6f0e-4e77-9a51-2f7c1d0e8a43";

/**
 * The id of an event emitted by replayable code (a Workflow step, a queue consumer): the same
 * business key and step always give the same UUID, so a replay inserts nothing new.
 */
export const eventIdFor = (businessKey: string, step: string): Promise<string> =>
  uuidV5(EVENT_NAMESPACE, `${businessKey}\u0000${step}`);
