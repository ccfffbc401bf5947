/**
 * Renders report.html in headless Chromium (Debian's /usr/bin/chromium; CI installs it) and checks that
 * the screenshot is produced and shows a page, not a blank one.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildReportModel } from "../../src/report/buildReportModel.js";
import { renderOutputs } from "../../src/report/renderOutputs.js";
import { reportInput } from "./_fixture.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) into its pixels. */
function decodePng(png: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let v = raw[src + x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

describe("report.html in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-render-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders a non-blank page with text, bars and colours", () => {
    const html = renderOutputs(buildReportModel(reportInput()), { lang: "ru" })["report.html"];
    const page = join(dir, "report.html");
    const shot = join(dir, "shot.png");
    writeFileSync(page, html);
    execFileSync(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--hide-scrollbars",
        "--window-size=1200,1600",
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      { stdio: "ignore", timeout: 60_000 },
    );
    const { width, height, channels, pixels } = decodePng(readFileSync(shot));
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
