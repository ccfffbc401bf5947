/**
 * Renders monitoring.html in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM)
 * and checks that the screenshot shows a page with text, charts and colours. Without Chromium the test is
 * skipped, and its name says so.
 */
import { renderMonitoringOutputs } from "mentor-match/monitoring";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureTables, reportOf } from "./_fixture.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const HAVE = existsSync(CHROMIUM);

function shoot(dir: string, name: string, html: string): Buffer {
  const page = join(dir, `${name}.html`);
  const shot = join(dir, `${name}.png`);
  writeFileSync(page, html);
  execFileSync(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${join(dir, "profile")}`,
      "--hide-scrollbars",
      "--window-size=1200,1600",
      `--screenshot=${shot}`,
      `file://${page}`,
    ],
    { stdio: "ignore", timeout: 60_000 },
  );
  return readFileSync(shot);
}

function stats(png: Buffer): { nonWhite: number; blue: number; green: number; colours: number } {
  const { data } = PNG.sync.read(png);
  let nonWhite = 0;
  let blue = 0;
  let green = 0;
  const colours = new Set<number>();
  for (let k = 0; k < data.length; k += 4) {
    const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
    if (r < 240 || g < 240 || b < 240) nonWhite++;
    if (Math.abs(r - 0x2f) < 12 && Math.abs(g - 0x6f) < 12 && Math.abs(b - 0xb3) < 12) blue++;
    if (Math.abs(r - 0x2e) < 12 && Math.abs(g - 0x8b) < 12 && Math.abs(b - 0x57) < 12) green++;
    colours.add((r << 16) | (g << 8) | b);
  }
  return { nonWhite: nonWhite / (1200 * 1600), blue, green, colours: colours.size };
}

describe(`monitoring pages in headless Chromium${HAVE ? "" : ` (SKIPPED: no Chromium at ${CHROMIUM}; apt-get install chromium or set CHROMIUM)`}`, () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-monitor-render-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const report = reportOf(fixtureTables());

  it.skipIf(!HAVE)(
    "monitoring.html: KPIs, before/after bars and the distribution of changes are drawn",
    () => {
      const html = renderMonitoringOutputs(report, { language: "ru" })["monitoring.html"];
      expect(html).not.toMatch(/<script|(?:src|href)=["']?https?:/);
      const s = stats(shoot(dir, "monitoring", html));
      expect(s.nonWhite).toBeGreaterThan(0.05);
      expect(s.blue).toBeGreaterThan(5000); // the bars of the later diagnostics and the KPI bars
      expect(s.green).toBeGreaterThan(2000); // the improvements in the distributions of changes
      expect(s.colours).toBeGreaterThan(50);
    },
  );
});
