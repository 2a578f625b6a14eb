export * from "./place";
export * from "./proximity";
export * from "./rental-vendor";
export * from "./rental-availability";
export * from "./rental-selection";
export * from "./vendor-message";
export * from "./vendor-event";
export * from "./rental-booking-id";
