import type { TestProject } from "vitest/node";
import { startLocalServer } from "../../scripts/lib/local-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startLocalServer(".e2e-state");
  project.provide("baseUrl", server.baseUrl);
  project.provide("adminEmail", server.adminEmail);
  project.provide("adminPassword", server.adminPassword);
  return server.stop;
}
