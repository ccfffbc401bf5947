/** docs/rematch.md shows a real session: every command's output and file excerpt is what the CLI gives now. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REMATCH_DOC_PATH, renderRematchDoc } from "../../scripts/write-rematch-doc.js";

describe("docs/rematch.md", () => {
  it("holds the real output of the worked session (refresh: npx tsx scripts/write-rematch-doc.ts)", async () => {
    const doc = readFileSync(REMATCH_DOC_PATH, "utf8");
    expect(doc.match(/^\$ mentor-match /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(await renderRematchDoc(doc)).toBe(doc);
  }, 30_000);
});
