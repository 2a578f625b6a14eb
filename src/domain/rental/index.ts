export * from "./place";
export * from "./proximity";
export * from "./rental-availability";
export * from "./rental-booking-id";
export * from "./rental-selection";
export * from "./rental-vendor";
export * from "./vendor-event";
export * from "./vendor-message";
