// The event a claim's Workflow waits for: sent by the upload route when the damage photo is stored.
// Kept apart from the Workflow module so the upload route (and Node clients) need no Workers runtime.

export const DAMAGE_PHOTO_EVENT = "damage-photo";

/** What the upload route sends the claim's instance when a damage photo is stored. */
export interface DamagePhotoReceived {
  documentId: string;
}
