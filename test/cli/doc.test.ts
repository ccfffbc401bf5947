/** docs/cli.md shows a real session: every command's output and file excerpt is what the CLI gives now. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLI_DOC_PATH, renderCliDoc } from "../../scripts/write-cli-doc.js";

describe("docs/cli.md", () => {
  it("holds the real output of each command of the session (refresh: npx tsx scripts/write-cli-doc.ts)", async () => {
    const doc = readFileSync(CLI_DOC_PATH, "utf8");
    expect(doc.match(/^\$ mentor-match /gm)?.length).toBeGreaterThanOrEqual(7);
    expect(await renderCliDoc(doc)).toBe(doc);
  });
});
