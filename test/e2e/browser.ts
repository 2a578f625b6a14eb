import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import sparticuzChromium from "@sparticuz/chromium";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// This machine's network is closed: without these Chromium keeps calling out at every start.
const QUIET = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const ARTIFACTS = "test/e2e/artifacts";

/**
 * A headless Chromium: the system's where installed, else the one `npm install` brings
 * (@sparticuz/chromium, unpacked to /tmp on first use). No browser download.
 */
export async function launchChromium(): Promise<Browser> {
  if (existsSync(SYSTEM_CHROMIUM)) return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: QUIET });
  // Its flags are for a serverless sandbox: one process dies with its first closed page, and web security stays on.
  const args = sparticuzChromium.args.filter((flag) => !["--single-process", "--disable-web-security"].includes(flag));
  return chromium.launch({ executablePath: await sparticuzChromium.executablePath(), args: [...args, ...QUIET] });
}

/** axe-core in the page: no serious or critical violation on the screen as it stands. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
    }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A full-page screenshot kept as a test artefact (test/e2e/artifacts, gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}
