/**
 * `mentor-match rematch` writes and reads like `match` (they share runSteps): pairs.xlsx, the rows not kept
 * in excluded.csv with the row that replaced them, the nobody-lost check before anything is written,
 * `--pseudonymize` over every output (changes.csv and the people of the previous run included), and Excel
 * inputs with `--sheet`.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readXlsxTable } from "../../src/cli/_internal/xlsx.js";
import { readCsv } from "mentor-match";
import { MentorMatchError } from "mentor-match";
import { runInProcess } from "./_run.js";

/** The nobody-lost check, watched: each call recorded, and made to fail on demand. */
const accounting = vi.hoisted(() => ({
  calls: [] as { inputRows: number; droppedRows: number }[],
  fail: false,
}));
vi.mock("../../src/cli/_internal/accounting.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/cli/_internal/accounting.js")>();
  return {
    ...actual,
    checkEveryoneAccounted: (...args: Parameters<typeof actual.checkEveryoneAccounted>) => {
      accounting.calls.push({ inputRows: args[1], droppedRows: args[2] });
      if (accounting.fail) throw new MentorMatchError("INTERNAL", "test: the outputs would lose a row.");
      actual.checkEveryoneAccounted(...args);
    },
  };
});

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "mm-rematch-parity-"));
const TODAY = ["--config", "program.json", "--seed", "1", "--ended", "ended.csv"];
const CSV_INPUTS = ["--mentors", "mentors-november.csv", "--mentees", "mentees-november.csv"];

function table(path: string) {
  return readCsv(readFileSync(join(work, path)), { file: path });
}
function rows(dir: string, name: string): string[][] {
  return table(join(dir, name)).rows.map((r) => [...r.cells]);
}
async function rematchRun(out: string, extra: readonly string[] = [], inputs = CSV_INPUTS) {
  return runInProcess(
    ["rematch", "--previous", "september", ...inputs, ...TODAY, ...extra, "--out", out],
    work,
  );
}

/** A workbook of a CSV file: a cover sheet first, the answers on the sheet named `sheet`. */
async function toWorkbook(csv: string, sheet: string): Promise<void> {
  const t = table(csv);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Обложка").addRow(["Выгрузка формы"]);
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...t.header]);
  for (const r of t.rows) ws.addRow([...r.cells]);
  writeFileSync(join(work, csv.replace(/\.csv$/, ".xlsx")), new Uint8Array(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  for (const f of ["mentors.csv", "mentees.csv", "program.json"])
    copyFileSync(join(ROOT, "fixtures/demo", f), join(work, f));
  for (const f of ["mentors-november.csv", "mentees-november.csv", "ended.csv"])
    copyFileSync(join(ROOT, "fixtures/rematch", f), join(work, f));
  const september = await runInProcess(
    ["match", "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--config", "program.json"].concat([
      "--seed",
      "1",
      "--out",
      "september",
    ]),
    work,
  );
  expect(september.code).toBe(0);
  const plain = await rematchRun("plain");
  expect(plain.code, plain.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("mentor-match rematch, as match writes and reads", () => {
  it("writes pairs.xlsx with the pairs of pairs.csv", async () => {
    expect(existsSync(join(work, "plain", "pairs.xlsx"))).toBe(true);
    const sheet = await readXlsxTable(readFileSync(join(work, "plain", "pairs.xlsx")), {
      file: "pairs.xlsx",
    });
    const csv = table(join("plain", "pairs.csv"));
    expect(sheet.header).toEqual(csv.header);
    const codes = (cells: readonly (readonly string[])[]) => cells.map((r) => `${r[0]} ${r[2]}`);
    expect(codes(sheet.rows.map((r) => r.cells))).toEqual(codes(csv.rows.map((r) => r.cells)));
    expect(sheet.rows.length).toBeGreaterThan(10);
  });

  it("lists the superseded row in excluded.csv with the row that replaced it", () => {
    // S05 answered twice in November: the rows of the file (the header is row 1).
    const s05 = table("mentees-november.csv")
      .rows.filter((r) => r.cells[1] === "S05")
      .map((r) => r.row);
    expect(s05).toHaveLength(2);
    const line = rows("plain", "excluded.csv").filter((r) => r[0] === "S05");
    expect(line).toHaveLength(1);
    expect(line[0]![2]).toBe("superseded");
    const [older, newer] = [...line[0]![3]!.matchAll(/mentees-november\.csv, строка (\d+)/g)].map((m) =>
      Number(m[1]),
    );
    expect([older, newer].sort((a, b) => a! - b!)).toEqual(s05);
    // The row kept is paired or unmatched once; the older one is only in excluded.csv.
    const elsewhere = [
      ...rows("plain", "pairs.csv").map((r) => r[2]),
      ...rows("plain", "unmatched.csv").map((r) => r[0]),
    ].filter((id) => id === "S05");
    expect(elsewhere).toHaveLength(1);
  });

  it("runs the nobody-lost check on every input row before writing, and writes nothing when it fails", async () => {
    accounting.calls.length = 0;
    const ok = await rematchRun("checked");
    expect(ok.code).toBe(0);
    const dataRows = table("mentors-november.csv").rows.length + table("mentees-november.csv").rows.length;
    expect(accounting.calls).toEqual([{ inputRows: dataRows, droppedRows: 1 }]);
    accounting.fail = true;
    try {
      const failed = await rematchRun("lost");
      expect(failed.code).toBe(70);
      expect(failed.stderr).toContain("test: the outputs would lose a row.");
      expect(existsSync(join(work, "lost")) ? readdirSync(join(work, "lost")) : []).toEqual([]);
    } finally {
      accounting.fail = false;
    }
  });

  it("--pseudonymize: no name or e-mail of today's or September's people in any output, the same pairs", async () => {
    const run = await rematchRun("pseudo", ["--pseudonymize"]);
    expect(run.code, run.stderr).toBe(0);
    const people = ["mentors.csv", "mentees.csv", "mentors-november.csv", "mentees-november.csv"].flatMap(
      (f) => table(f).rows.flatMap((r) => [r.cells[2]!, r.cells[3]!]),
    );
    const secrets = [...new Set(people.filter((v) => v !== undefined && v.trim() !== ""))];
    expect(secrets.length).toBeGreaterThan(40);
    const names = readdirSync(join(work, "pseudo")).filter((f) => !f.endsWith(".xlsx"));
    expect(names).toContain("changes.csv");
    for (const f of names) {
      const text = readFileSync(join(work, "pseudo", f), "utf8");
      for (const s of secrets) expect(text.includes(s), `${f} names ${s.slice(0, 3)}…`).toBe(false);
    }
    // People of September who are gone today are named by a code in the report's "what changed".
    expect(readFileSync(join(work, "pseudo", "report.md"), "utf8")).toMatch(/P-[0-9A-F]{4,8} \(M07\)/);
    // Same pairs and changes, by code.
    const codes = (dir: string, f: string) => rows(dir, f).map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    expect(rows("pseudo", "pairs.csv").map((r) => `${r[0]} ${r[2]}`)).toEqual(
      rows("plain", "pairs.csv").map((r) => `${r[0]} ${r[2]}`),
    );
    expect(codes("pseudo", "changes.csv")).toEqual(codes("plain", "changes.csv"));
  });

  it("reads Excel workbooks from the sheet named by --sheet, with the same result as the CSV files", async () => {
    await toWorkbook("mentors-november.csv", "Ответы");
    await toWorkbook("mentees-november.csv", "Ответы");
    const inputs = ["--mentors", "mentors-november.xlsx", "--mentees", "mentees-november.xlsx"];
    const run = await rematchRun("excel", ["--sheet", "Ответы"], inputs);
    expect(run.code, run.stderr).toBe(0);
    for (const f of ["pairs.csv", "unmatched.csv", "changes.csv"]) {
      expect(readFileSync(join(work, "excel", f), "utf8"), f).toBe(
        readFileSync(join(work, "plain", f), "utf8"),
      );
    }
    const where = (dir: string) =>
      readFileSync(join(work, dir, "excluded.csv"), "utf8").replaceAll("november.xlsx", "november.csv");
    expect(where("excel")).toBe(where("plain"));
    // Without --sheet, the first sheet (the cover) is read: a clear error, nothing matched.
    const cover = await rematchRun("cover", [], inputs);
    expect(cover.code).toBe(2);
    expect(existsSync(join(work, "cover", "pairs.csv"))).toBe(false);
  });
});
