/**
 * Runs once around the whole test run: when no Chromium is found, says so plainly at the start and at
 * the end, naming the real-browser checks that were skipped and why (see test/_browser.ts).
 */
import { findChromium } from "./_browser.js";

/** The real-browser checks, by file. */
const BROWSER_CHECKS = [
  "test/report/render.test.ts — report.html rendered in headless Chromium",
  "test/package/browser.test.ts — the package bundled for a web page, matching in headless Chromium",
];

function notice(): string | undefined {
  const found = findChromium();
  if (found.path !== undefined) return undefined;
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
