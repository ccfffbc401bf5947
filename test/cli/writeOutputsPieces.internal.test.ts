/** writeOutputs with contents given in pieces or as promises (what `monitor` writes its large files with). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/_internal/io.js";
import { writeOutputs } from "../../src/cli/_internal/writeOutputs.js";
import { isMentorMatchError } from "../../src/errors.js";

const root = mkdtempSync(join(tmpdir(), "mm-pieces-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, stderrIsTTY: false };

describe("writeOutputs: pieces and promises", () => {
  it("writes pieces (text and reused byte buffers) and awaited contents, in the order given", async () => {
    const buffer = new Uint8Array(3);
    function* bytes() {
      for (const word of ["abc", "def", "gh"]) {
        // One buffer refilled for every piece: each is written before the next is made.
        const n = new TextEncoder().encodeInto(word, buffer).written;
        yield buffer.subarray(0, n);
      }
    }
    const later = new Promise<Uint8Array>((resolve) =>
      setTimeout(() => resolve(new TextEncoder().encode("книга")), 20),
    );
    const written = await writeOutputs(
      io,
      "out",
      {
        "a.csv": { chunks: { [Symbol.iterator]: bytes } },
        "b.json": { chunks: ["{", '"ключ":', "1}\n"] },
        "c.xlsx": later,
      },
      { replaces: [] },
    );
    expect(written).toEqual(["out/a.csv", "out/b.json", "out/c.xlsx"]);
    expect(readFileSync(join(root, "out/a.csv"), "utf8")).toBe("abcdefgh");
    expect(readFileSync(join(root, "out/b.json"), "utf8")).toBe('{"ключ":1}\n');
    expect(readFileSync(join(root, "out/c.xlsx"), "utf8")).toBe("книга");
  });

  it("a failing producer leaves the old outputs as they were and is reported as itself", async () => {
    writeFileSync(join(root, "keep.txt"), "");
    await writeOutputs(io, "old", { "a.csv": "old a", "b.csv": "old b" }, { replaces: [] });
    function* broken(): Generator<string> {
      yield "half";
      throw new Error("producer bug");
    }
    const error = await writeOutputs(
      io,
      "old",
      { "a.csv": "new a", "b.csv": { chunks: { [Symbol.iterator]: broken } } },
      { replaces: [] },
    ).catch((e: unknown) => e);
    expect(isMentorMatchError(error)).toBe(false);
    expect((error as Error).message).toBe("producer bug");
    expect(readFileSync(join(root, "old/a.csv"), "utf8")).toBe("old a");
    expect(readFileSync(join(root, "old/b.csv"), "utf8")).toBe("old b");
    expect(readdirSync(join(root, "old")).sort()).toEqual(["a.csv", "b.csv"]);

    const rejected = await writeOutputs(
      io,
      "old",
      { "a.csv": "new a", "c.xlsx": Promise.reject(new Error("worker failed")) },
      { replaces: [] },
    ).catch((e: unknown) => e);
    expect((rejected as Error).message).toBe("worker failed");
    expect(readFileSync(join(root, "old/a.csv"), "utf8")).toBe("old a");
    expect(existsSync(join(root, "old/c.xlsx"))).toBe(false);
  });
});
