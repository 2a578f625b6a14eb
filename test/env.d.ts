import type { D1Migration } from "cloudflare:test";
import type { Env as WorkerEnv } from "../src/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** HL7's FHIR R4 JSON schema, run in Node: POST a resource, get { valid, errors }. */
      FHIR_SCHEMA: Fetcher;
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index");
      durableNamespaces: "ClaimCoordinator" | "CustomerEventStream";
    }
  }
}
