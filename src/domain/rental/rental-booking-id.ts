import { uuidV5 } from "../settlement/uuid-v5";

/** The namespace of rental booking ids; fixed forever, or replays would mint new ids. */
export const RENTAL_BOOKING_ID_NAMESPACE = "d67c0a53-7aeb-4b7a-a9e5-bcd321c0610d";

/** One rental booking per claim: a replayed step or redelivered Settlement.Finalized computes the same id. */
export const rentalBookingIdFor = (claimId: string): Promise<string> =>
  uuidV5(RENTAL_BOOKING_ID_NAMESPACE, `${claimId}\u0000rental`);
