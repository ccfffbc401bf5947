/** The README's library example runs as printed, and prints what the README says it prints. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { describe, expect, it, vi } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("the library example prints the lines shown under it", async () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    // The comment lines after the code show what it prints.
    const printed = (l: string) => /^\/\/ (M\d|\[)/.test(l);
    const blockLines = block.split("\n");
    const code = blockLines.filter((l) => !printed(l));
    const expected = blockLines.filter(printed).map((l) => l.slice(3));
    expect(code.length).toBeLessThanOrEqual(22);
    const src = fileURLToPath(new URL("../src/index.ts", import.meta.url));
    const file = fileURLToPath(new URL("./_readme_example.tmp.ts", import.meta.url));
    writeFileSync(file, code.join("\n").replace('from "mentor-match"', `from ${JSON.stringify(src)}`));
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    });
    try {
      await import(file);
    } finally {
      log.mockRestore();
      rmSync(file, { force: true });
    }
    expect(lines).toEqual(expected);
  });
});
