/**
 * Runs once around the whole test run: when no Chromium is found, says so plainly at the start and at
 * the end, naming the real-browser checks that were skipped and why (see test/_browser.ts).
 */
import { browserRequired, findChromium } from "./_browser.js";

/** The real-browser checks, by file. */
const BROWSER_CHECKS = [
  "test/report/render.test.ts — report.html rendered in headless Chromium",
  "test/monitoring/render.test.ts — monitoring.html rendered in headless Chromium",
  "test/package/browser.test.ts — the package bundled for a web page, matching in headless Chromium",
];

function notice(): string | undefined {
  const found = findChromium();
  // Where a browser is required (CI), the checks fail with the reason instead of being skipped.
  if (found.path !== undefined || browserRequired()) return undefined;
  return [
    "",
    `mentor-match: real-browser checks SKIPPED — ${found.reason}.`,
    ...BROWSER_CHECKS.map((c) => `  skipped: ${c}`),
    "  Every other check runs. CI installs Chromium and runs them (.ci/run).",
    "",
  ].join("\n");
}

export default function setup(): () => void {
  const text = notice();
  if (text !== undefined) process.stderr.write(`${text}\n`);
  return () => {
    if (text !== undefined) process.stderr.write(`${text}\n`);
  };
}
