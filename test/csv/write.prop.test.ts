import { formatCsv, neutralizeCell, readCsv } from "mentor-match/csv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const FORMULA = /^[=+\-@\t\r]/;
const cellArb = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "=1+1",
    "+7 999",
    "-2",
    "@SUM(A1)",
    "\t=x",
    "\r=x",
    '=HYPERLINK("http://x")',
    "Иванова; Анна",
    'a "b" c',
    "x\ny",
  ),
);

describe("neutralizeCell", () => {
  it("no written text starts a formula, and nothing but the apostrophe is added", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralizeCell(s);
        expect(FORMULA.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
  it("numbers stay numbers", () => {
    expect(neutralizeCell(-0.25)).toBe("-0.25");
    expect(neutralizeCell(Number.NaN)).toBe("");
  });
});

describe("formatCsv", () => {
  it("reads back cell for cell (after neutralising), with either delimiter", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((w) =>
            fc.tuple(
              fc.constant(w),
              fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }),
              fc.constantFrom<"," | ";">(",", ";"),
            ),
          ),
        ([w, rows, delimiter]) => {
          const header = Array.from({ length: w }, (_, k) => `col${k}`);
          // Fully blank rows are skipped by the reader, as a spreadsheet user would expect.
          const kept = rows.filter((r) => r.some((c) => neutralizeCell(c).trim() !== ""));
          fc.pre(kept.length > 0);
          const text = formatCsv(header, kept, { delimiter });
          expect(text.startsWith("\uFEFF")).toBe(true);
          const bytes = new TextEncoder().encode(text);
          const table = readCsv(bytes, { file: "out.csv", delimiter });
          expect(table.header).toEqual(header);
          const expected = kept.map((r) => r.map((c) => neutralizeCell(c)));
          // The reader trims trailing blank cells only beyond the header width, so rows match exactly.
          expect(table.rows.map((r) => r.cells)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
