import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliIo, writeOutputsAtomically } from "../../src/cli/_internal/io.js";

const root = mkdtempSync(join(tmpdir(), "mm-io-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, stderrIsTTY: false };

describe("writeOutputsAtomically", () => {
  it("writes every file and leaves no temporary folder", () => {
    writeOutputsAtomically(io, "out", { "a.csv": "1", "b.md": "2" });
    expect(readdirSync(join(root, "out")).sort()).toEqual(["a.csv", "b.md"]);
    expect(readFileSync(join(root, "out/a.csv"), "utf8")).toBe("1");
  });
  it("replaces old outputs all together", () => {
    writeOutputsAtomically(io, "out", { "a.csv": "new", "b.md": "new" });
    expect(readFileSync(join(root, "out/a.csv"), "utf8")).toBe("new");
    expect(readdirSync(join(root, "out")).sort()).toEqual(["a.csv", "b.md"]);
  });
  it("a failure leaves the old outputs whole and nothing else", () => {
    mkdirSync(join(root, "keep"));
    writeFileSync(join(root, "keep/a.csv"), "old");
    expect(() => writeOutputsAtomically(io, "keep", { "a.csv": "new", "../evil.csv": "x" })).toThrow();
    expect(readdirSync(join(root, "keep"))).toEqual(["a.csv"]);
    expect(readFileSync(join(root, "keep/a.csv"), "utf8")).toBe("old");
  });
});
