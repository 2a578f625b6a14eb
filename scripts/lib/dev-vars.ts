import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Reads .dev.vars, creating it from .dev.vars.example with fresh random secrets when absent. */
export function ensureDevVars(path = ".dev.vars", example = ".dev.vars.example"): Record<string, string> {
  if (!existsSync(path)) {
    const secret = randomBytes(32).toString("base64url");
    const password = randomBytes(12).toString("base64url");
    const text = readFileSync(example, "utf8")
      .replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`)
      .replace(/^ADMIN_PASSWORD=.*$/m, `ADMIN_PASSWORD=${password}`);
    writeFileSync(path, text, { mode: 0o600 });
    console.log(`created ${path} with a random JWT_SECRET and ADMIN_PASSWORD`);
  }
  return parseDevVars(readFileSync(path, "utf8"));
}

export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (match) vars[match[1]!] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return vars;
}
