/** docs/research.md shows the output of scripts/research-example.ts: the numbers must be the script's. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { researchExample } from "../../scripts/research-example.js";

describe("docs/research.md", () => {
  it("pastes the real, deterministic output of scripts/research-example.ts", () => {
    const doc = readFileSync(new URL("../../docs/research.md", import.meta.url), "utf8");
    const start = doc.indexOf("Its output, pasted verbatim:");
    const end = doc.indexOf("How to read it:");
    expect(start).toBeGreaterThan(0);
    const pasted = doc.slice(start + "Its output, pasted verbatim:".length, end).trim();
    expect(pasted).toBe(researchExample("markdown"));
  });
});
