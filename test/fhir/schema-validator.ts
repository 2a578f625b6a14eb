// Node only (ajv generates code, which workerd forbids): the official HL7 FHIR R4 JSON schema.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);
// HL7's fhir.schema.json for R4 4.0.1 (test/fixtures/fhir/README.md).
const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/fhir/fhir.schema.json");

export interface SchemaVerdict {
  valid: boolean;
  errors: string[];
}

let ajv: Ajv | undefined;
let definitions: Record<string, unknown> = {};
const validators = new Map<string, ValidateFunction>();

function validatorFor(resourceType: string): ValidateFunction | undefined {
  if (!ajv) {
    const { $schema: _, id: __, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
    definitions = schema.definitions;
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    ajv.addSchema({ ...schema, $id: "fhir-r4" });
  }
  if (!Object.hasOwn(definitions, resourceType)) return undefined;
  let validate = validators.get(resourceType);
  if (!validate) {
    validate = ajv.compile({ $ref: `fhir-r4#/definitions/${resourceType}` });
    validators.set(resourceType, validate);
  }
  return validate;
}

/** Checks a resource against HL7's fhir.schema.json (R4 4.0.1), by its resourceType. */
export function validateFhirResource(resource: unknown): SchemaVerdict {
  const resourceType = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof resourceType !== "string") return { valid: false, errors: ["no resourceType"] };
  const validate = validatorFor(resourceType);
  if (!validate) return { valid: false, errors: [`unknown resourceType ${resourceType}`] };
  const valid = validate(resource) as boolean;
  return {
    valid,
    errors: (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
    ),
  };
}
