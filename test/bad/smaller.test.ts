/** The smaller findings of issue 15: each pinned. */
import { readCsv, readParticipants, match } from "mentor-match";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function thrown(f: () => unknown): { code?: string; message?: string; details?: Record<string, unknown> } {
  try {
    f();
  } catch (error) {
    return error as { code?: string; message?: string; details?: Record<string, unknown> };
  }
  return {};
}

describe("smaller findings", () => {
  it("docs do not offer a --max-bytes option the CLI does not have", () => {
    expect(readFileSync(join(ROOT, "docs/errors.md"), "utf8")).not.toContain("--max-bytes");
  });
  it("UTF-32 is diagnosed as UTF-32, not as a quote error", () => {
    const text = "Код;Класс\nS1;7\n";
    const le = Buffer.alloc(4 + text.length * 4);
    le.set([0xff, 0xfe, 0, 0]);
    for (let k = 0; k < text.length; k++) le.writeUInt32LE(text.codePointAt(k)!, 4 + k * 4);
    const noBom = le.subarray(4);
    for (const bytes of [le, noBom]) {
      const e = thrown(() => readCsv(bytes, { file: "u32.csv" }));
      expect(e.code).toBe("ENCODING");
      expect(e.details?.kind).toBe("utf-32");
    }
  });
  it("grade 0 is not a grade", () => {
    const table = readCsv("Код;Класс;Согласие\nS1;0;да\nS2;1;да\n", { file: "s.csv" });
    const r = readParticipants([{ table, role: "mentee" }], { questions: [] });
    expect(r.problems.map((p) => [p.code, p.location?.row])).toEqual([["NOT_A_NUMBER", 2]]);
  });
  it("library messages name the actual value and index", () => {
    const holey = thrown(() =>
      match({ scores: [[0.5, undefined as unknown as number]] }, { strategy: "greedy" }),
    );
    expect(holey.code).toBe("INVALID_SCORE");
    expect(holey.message).toContain("mentee 0 and mentor 1 is missing (undefined)");
    expect(holey.message).not.toContain("a undefined");
    const str = thrown(() => match({ scores: [[0.5, "1" as unknown as number]] }, { strategy: "greedy" }));
    expect(str.message).toContain('the string "1"');
    const notRow = thrown(() => match({ scores: [5 as unknown as number[]] }, { strategy: "greedy" }));
    expect(notRow.code).toBe("INVALID_SHAPE");
    expect(notRow.message).toContain("Row 0 of the score matrix is the number 5, not an array");
    expect(notRow.message).not.toMatch(/no cells|has 0/);
    const csr = thrown(() =>
      match(
        {
          scores: {
            rows: 1,
            cols: 2,
            rowStart: Int32Array.from([0, 2]),
            col: Int32Array.from([0]),
            value: Float64Array.from([0.5]),
          },
        } as never,
        { strategy: "greedy" },
      ),
    );
    expect(csr.message ?? "").not.toContain("undefined");
  });
  it("scores of ±1e308 are refused rather than giving a total of Infinity", () => {
    const e = thrown(() => match({ scores: [[1e308], [1e308]], capacities: [2] }, { strategy: "greedy" }));
    expect(e.code).toBe("INVALID_SCORE");
    const one = thrown(() =>
      match(
        {
          scores: [
            [1e308, 0],
            [0, 1e308],
          ],
        },
        { strategy: "optimal" },
      ),
    );
    expect(one.code).toBe("INVALID_SCORE");
    const ok = match({ scores: [[0.5], [0.25]], capacities: [2] }, { strategy: "greedy" });
    expect(ok.metrics.totalScore).toBe(0.75);
  });
});
