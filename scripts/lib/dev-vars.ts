import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";

const withRandomSecrets = (text: string) =>
  text
    .replace(/^JWT_SECRET=.*$/m, () => `JWT_SECRET=${randomBytes(32).toString("base64url")}`)
    .replace(/^PII_HASH_KEY=.*$/m, () => `PII_HASH_KEY=${randomBytes(32).toString("base64url")}`)
    .replace(/^ADMIN_PASSWORD=.*$/m, () => `ADMIN_PASSWORD=${randomBytes(12).toString("base64url")}`);

/**
 * Reads .dev.vars, creating it from .dev.vars.example with fresh random secrets when absent; a
 * variable the example gained since (e.g. PII_HASH_KEY) is appended, its secret generated.
 */
export function ensureDevVars(path = ".dev.vars", example = ".dev.vars.example"): Record<string, string> {
  const template = readFileSync(example, "utf8");
  if (!existsSync(path)) {
    writeFileSync(path, withRandomSecrets(template), { mode: 0o600 });
    console.log(`created ${path} with a random JWT_SECRET, PII_HASH_KEY and ADMIN_PASSWORD`);
  }
  const current = parseDevVars(readFileSync(path, "utf8"));
  const missing = template.split(/\r?\n/).filter((line) => {
    const name = line.match(/^\s*([A-Z0-9_]+)\s*=/)?.[1];
    return name !== undefined && !(name in current);
  });
  if (missing.length > 0) {
    appendFileSync(path, `\n${withRandomSecrets(missing.join("\n"))}\n`);
    console.log(`added ${missing.map((line) => line.split("=")[0]).join(", ")} to ${path}`);
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
