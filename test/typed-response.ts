import type { z } from "zod";

/** The zod schema a route declares for one status's JSON body. */
export type JsonSchemaOf<Route, Status> = Route extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? Responses[Status] extends { content: { "application/json": { schema: infer Schema extends z.ZodType } } }
      ? Schema
      : never
    : never
  : never;

export function declaredSchema(route: { responses: object }, status: number): z.ZodType {
  const declared = (route.responses as Record<number, { content?: { "application/json"?: { schema: z.ZodType } } }>)[
    status
  ];
  const schema = declared?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`the route declares no JSON response for ${status}`);
  return schema;
}

/** A body the test has read: it must have come with `status` and match `schema`; it is then typed by it. */
export function checkedBody<Schema extends z.ZodType>(
  body: unknown,
  status: number,
  schema: Schema,
  expected: number,
): z.infer<Schema> {
  if (status !== expected) throw new Error(`expected ${expected}, got ${status} ${JSON.stringify(body)}`);
  const checked = schema.safeParse(body);
  if (!checked.success)
    throw new Error(`body does not match the declared schema: ${checked.error.message}\n${JSON.stringify(body)}`);
  // The client's view: the body as sent (parsing would strip what the schema does not declare), typed by the schema.
  return body as z.infer<Schema>;
}
