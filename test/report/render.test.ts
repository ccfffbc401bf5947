/**
 * Renders report.html in headless Chromium (CI installs it; test/_browser.ts finds it) and checks that
 * the screenshot is produced and shows a page, not a blank one. Without a browser the test is skipped
 * with the reason, and the run says so at its end.
 */
import { buildReportModel, renderOutputs } from "mentor-match";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumOrSkip, headlessFlags } from "../_browser.js";
import { reportInput } from "./_fixture.js";

describe("report.html in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-render-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders a non-blank page with text, bars and colours", (ctx) => {
    const chromium = chromiumOrSkip((note) => ctx.skip(note), "Rendering report.html");
    if (chromium === undefined) return;
    const html = renderOutputs(buildReportModel(reportInput()), { language: "ru" })["report.html"];
    const page = join(dir, "report.html");
    const shot = join(dir, "shot.png");
    writeFileSync(page, html);
    execFileSync(
      chromium,
      [
        ...headlessFlags(join(dir, "profile")),
        "--hide-scrollbars",
        "--window-size=1200,1600",
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      { stdio: "ignore", timeout: 60_000 },
    );
    const { width, height, data: pixels } = PNG.sync.read(readFileSync(shot));
    const channels = 4;
    expect([width, height]).toEqual([1200, 1600]);
    let nonWhite = 0;
    let blue = 0;
    const colours = new Set<number>();
    for (let k = 0; k < pixels.length; k += channels) {
      const r = pixels[k]!;
      const g = pixels[k + 1]!;
      const b = pixels[k + 2]!;
      if (r < 240 || g < 240 || b < 240) nonWhite++;
      // The heading rule and the score bars are #2f6fb3.
      if (Math.abs(r - 0x2f) < 12 && Math.abs(g - 0x6f) < 12 && Math.abs(b - 0xb3) < 12) blue++;
      colours.add((r << 16) | (g << 8) | b);
    }
    const total = width * height;
    expect(nonWhite / total).toBeGreaterThan(0.03);
    expect(blue).toBeGreaterThan(2000);
    expect(colours.size).toBeGreaterThan(50);
  });
});
