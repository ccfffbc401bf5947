/** Inputs of any size: a row limit that refuses a huge file up front, without parsing it whole. */
import { describe, expect, it } from "vitest";
import { readCsv } from "mentor-match/csv";

/** The documented row limit of one export (docs/errors.md, FILE_TOO_LARGE: 200 000 rows). */
const DEFAULT_MAX_ROWS = 200_000;

function rows(n: number): string {
  const parts: string[] = ["Код;Класс;Согласие родителя"];
  for (let i = 0; i < n; i++) parts.push(`S${i};7;да`);
  return `${parts.join("\n")}\n`;
}

describe("row limit", () => {
  it("a 1,000,000-row file is refused up front (FILE_TOO_LARGE naming the row limit), never a crash", () => {
    const bytes = Buffer.from(rows(1_000_000), "utf8");
    const t0 = performance.now();
    try {
      readCsv(bytes, { file: "huge.csv" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "FILE_TOO_LARGE", details: { maxRows: DEFAULT_MAX_ROWS } });
    }
    // Refused after reading past the limit, not after parsing a million rows (generous under load).
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);
  it("a file at the limit is read; one row more is refused; blank lines do not count", () => {
    expect(readCsv(rows(50), { maxRows: 50 }).rows).toHaveLength(50);
    expect(() => readCsv(rows(51), { maxRows: 50 })).toThrow(
      expect.objectContaining({ code: "FILE_TOO_LARGE" }),
    );
    const blanks = `Код;Класс\n${"\n".repeat(100)}S1;7\nS2;8\n`;
    expect(readCsv(blanks, { maxRows: 5 }).rows.map((r) => r.row)).toEqual([102, 103]);
  });
  it("150,000 rows are under the limit and read whole", () => {
    const table = readCsv(rows(150_000), { file: "big.csv" });
    expect(table.rows).toHaveLength(150_000);
    expect(table.rows[149_999]!.row).toBe(150_001);
  }, 60_000);
});
