import { documentFraudReactor } from "../customers/documents/fraud-reactor";
import { onboardingReactor } from "../customers/onboarding-reactor";
import { claimIntakeReactor } from "../fnol/claim-intake-reactor";
import { rentalReactor } from "../fnol/rental-reactor";
import { notificationReactor } from "../notifications/notification-reactor";
import type { Reactor } from "./reactor";

/** Who reacts to domain events (the domain-events queue's subscribers); each names its detail-types. */
export const REACTORS: readonly Reactor[] = [
  onboardingReactor,
  notificationReactor,
  documentFraudReactor,
  claimIntakeReactor,
  rentalReactor,
];
