/** docs/research.md shows the output of scripts/research-example.ts: the numbers must be the script's. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PASTE_END, PASTE_START, researchExample } from "../../scripts/research-example.js";

describe("docs/research.md", () => {
  it("pastes the real, deterministic output of scripts/research-example.ts", () => {
    const doc = readFileSync(new URL("../../docs/research.md", import.meta.url), "utf8");
    const start = doc.indexOf(PASTE_START);
    const end = doc.indexOf(PASTE_END);
    expect(start).toBeGreaterThan(0);
    const pasted = doc.slice(start + PASTE_START.length, end).trim();
    expect(pasted).toBe(researchExample("markdown"));
  });
});
