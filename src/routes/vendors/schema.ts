import { z } from "@hono/zod-openapi";

export const vendorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    zip: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    daily_rate: z.number().openapi({ description: "Dollars a day, two decimals" }),
    available_units: z.number().int(),
    available_from: z.string().nullable(),
    available_until: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi("RentalVendor");

export const vendorRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    city: z.string().trim().min(1).max(100).nullable().optional(),
    state: z.string().trim().min(1).max(60).nullable().optional(),
    zip: z.string().trim().min(1).max(12).nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    daily_rate: z.number().min(0).max(10_000),
    available_units: z.number().int().min(0).max(100_000),
    available_from: z.iso.date().nullable().optional(),
    available_until: z.iso.date().nullable().optional(),
  })
  .strict()
  .openapi("RentalVendorRequest");

export const vendorIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'"),
});
