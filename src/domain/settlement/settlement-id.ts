import { uuidV5 } from "./uuid-v5";

/** The namespace of settlement ids; fixed forever, or replays would mint new ids. */
export const SETTLEMENT_ID_NAMESPACE = "64bb6cbd-d54f-46c0-b8d7-3be70ab6b970";

/** The id of a claim's settlement version: a replayed step or redelivered event computes the same id. */
export function settlementIdFor(claimId: string, version: number): Promise<string> {
  if (!Number.isInteger(version) || version < 1)
    throw new RangeError(`settlement version must be a positive integer: ${version}`);
  return uuidV5(SETTLEMENT_ID_NAMESPACE, `${claimId}\u0000settlement\u0000${version}`);
}
