/**
 * Whole runs: random valid and hostile survey exports through `mentor-match match` (in this process), with
 * random column layouts (order, optional columns, a duplicated consent column, a config naming the
 * columns). For every run: 0 rows lost (each input row in exactly one of pairs.csv / unmatched.csv /
 * excluded.csv), 0 consent violations (nobody whose consent cells are not plainly yes appears in
 * pairs.csv, pairs.json, unmatched.csv or the reports), 0 formula cells, outputs complete or absent.
 *
 * `MENTOR_MATCH_FUZZ_RUNS=N` runs N cases (test/fuzz/_harness.ts).
 */
import { readCsv } from "mentor-match";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { UNCLEAR_CONSENT } from "../csv/_consentCells.js";
import { runInTemp } from "../invariants/_cli.js";
import { fuzzRuns, tally, tallyReport } from "./_harness.js";

afterAll(() => console.log(tallyReport("run.test.ts")));

const YES = ["да", "Да", "+", "yes", "Согласен", "Я даю согласие на обработку персональных данных"];
const NO = ["нет", "-", "no", "Не согласен", "Согласие отозвано"];
const CONSENT = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...YES) },
  { weight: 10, arbitrary: fc.constantFrom(...NO, "") },
  { weight: 1, arbitrary: fc.constantFrom(...UNCLEAR_CONSENT) },
);
const HOSTILE_NAME = fc.constantFrom(
  "Иванова Анна",
  "=1+1",
  "+7 999",
  "@SUM(A1)",
  "-2+3",
  "<script>x</script>",
  "[a](javascript:x)",
  'Кавычка " внутри',
  "Перенос\nстроки",
);

interface Row {
  readonly id: string;
  readonly name: string;
  readonly grade: string;
  readonly own: string;
  readonly guardian: string;
  readonly guardian2: string;
  readonly time: string;
}

const COLUMNS = {
  id: "Код участника",
  name: "Ваше ФИО",
  grade: "Класс",
  own: "Согласие на обработку персональных данных",
  guardian: "Согласие родителя (законного представителя)",
  time: "Отметка времени",
} as const;

function rowsArb(prefix: "M" | "S", max: number) {
  return fc
    .array(
      fc.record({
        n: fc.integer({ min: 1, max: 20 }),
        name: HOSTILE_NAME,
        grade: fc.oneof(
          { weight: 30, arbitrary: fc.integer({ min: 5, max: 11 }).map(String) },
          { weight: 1, arbitrary: fc.constantFrom("7Б", "0", "x") },
        ),
        own: CONSENT,
        guardian: CONSENT,
        guardian2: CONSENT,
        minute: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: max },
    )
    .map((rs) =>
      rs.map(
        (r): Row => ({
          id: `${prefix}${String(r.n).padStart(3, "0")}`,
          name: r.name,
          grade: r.grade,
          own: r.own,
          guardian: r.guardian,
          guardian2: r.guardian2,
          time: `01.09.2025 10:0${r.minute}`,
        }),
      ),
    );
}

const layoutArb = fc.record({
  order: fc.shuffledSubarray(["id", "name", "grade", "own", "guardian", "time"] as const, { minLength: 6 }),
  withTime: fc.oneof(
    { weight: 4, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  secondGuardian: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  config: fc.boolean(),
  delimiter: fc.constantFrom(",", ";"),
});

type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function csvOf(rows: readonly Row[], layout: Layout): string {
  const keys = layout.order.filter((k) => k !== "time" || layout.withTime);
  const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
  const header: string[] = keys.map((k) => COLUMNS[k]);
  if (layout.secondGuardian) header.push(`${COLUMNS.guardian} (2)`);
  const lines = [header.map(quote).join(layout.delimiter)];
  for (const r of rows) {
    const cells = keys.map((k) => r[k]);
    if (layout.secondGuardian) cells.push(r.guardian2);
    lines.push(cells.map(quote).join(layout.delimiter));
  }
  return `${lines.join("\r\n")}\r\n`;
}

const plainYes = (cell: string) => YES.includes(cell);
const plainNo = (cell: string) => NO.includes(cell);

/** A cell a spreadsheet would run as a formula. */
function formula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);
}

function cellsOf(text: string): string[][] {
  try {
    const t = readCsv(text, { file: "out.csv" });
    return [[...t.header], ...t.rows.map((r) => [...r.cells])];
  } catch (error) {
    // A file of headers only (nobody paired, say).
    if ((error as { code?: string }).code === "HEADER_ONLY") return [[]];
    throw error;
  }
}

describe("whole runs on random and hostile exports", () => {
  it("0 lost, 0 consent violations, 0 formula cells, outputs complete or absent", async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb("M", 4), rowsArb("S", 8), layoutArb, async (mentors, mentees, layout) => {
        tally.set("whole run", (tally.get("whole run") ?? 0) + 1);
        const files: Record<string, string> = {
          "mentors.csv": csvOf(mentors, layout),
          "mentees.csv": csvOf(mentees, layout),
        };
        const argv = ["match", "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--out", "out"];
        if (layout.config) {
          // A config naming the first guardian column (and the others): a second one must not be dropped.
          files["program.json"] = JSON.stringify({
            form: "student-student",
            columns: {
              [COLUMNS.id]: "id",
              [COLUMNS.name]: "name",
              [COLUMNS.grade]: "grade",
              [COLUMNS.own]: "consent",
              [COLUMNS.guardian]: "guardianConsent",
            },
          });
          argv.push("--config", "program.json");
        } else argv.push("--form", "student-student");
        const run = await runInTemp(files, argv);
        expect([0, 2, 3], run.stderr).toContain(run.code);
        tally.set(`exit ${run.code}`, (tally.get(`exit ${run.code}`) ?? 0) + 1);
        const names = Object.keys(run.outputs).sort();
        if (run.code !== 0) {
          // Outputs absent: nothing written, nothing left behind.
          expect(names).toEqual([]);
          return;
        }
        // Outputs complete, no leftovers.
        expect(names).toEqual(
          [
            "excluded.csv",
            "pairs.csv",
            "pairs.json",
            "pairs.xlsx",
            "report.html",
            "report.md",
            "unmatched.csv",
          ].sort(),
        );
        // An unclear consent cell never lets a run through (it is an error naming the cell).
        const all = [...mentors, ...mentees];
        const unclear = (c: string) => !plainYes(c) && !plainNo(c) && c !== "";
        expect(all.some((r) => unclear(r.own) || unclear(r.guardian))).toBe(false);
        if (layout.secondGuardian) expect.unreachable("a second guardian column must stop the run");
        // 0 formula cells.
        for (const f of ["pairs.csv", "unmatched.csv", "excluded.csv"]) {
          for (const row of cellsOf(run.outputs[f]!))
            for (const c of row) expect(formula(c), `${f}: ${c}`).toBe(false);
        }
        // 0 consent violations: everyone shown as paired or unmatched has plain yes from the guardian
        // (everyone is a school student, so a minor) in some row of theirs, and no own «нет» in it.
        const allowed = new Set(all.filter((r) => plainYes(r.guardian) && !plainNo(r.own)).map((r) => r.id));
        const pairs = cellsOf(run.outputs["pairs.csv"]!).slice(1);
        const unmatched = cellsOf(run.outputs["unmatched.csv"]!).slice(1);
        const excluded = cellsOf(run.outputs["excluded.csv"]!).slice(1);
        const shown = [
          ...pairs.map((r) => r[0]!),
          ...pairs.map((r) => r[2]!),
          ...unmatched.map((r) => r[0]!),
        ];
        for (const id of shown) expect(allowed.has(id), `${id} shown without consent`).toBe(true);
        const json = JSON.parse(run.outputs["pairs.json"]!) as {
          groups: { mentor: { id: string }; mentees: { id: string }[] }[];
          unmatched: { mentee?: { id: string }; id?: string }[];
        };
        for (const g of json.groups) {
          expect(allowed.has(g.mentor.id)).toBe(true);
          for (const m of g.mentees) expect(allowed.has(m.id)).toBe(true);
        }
        // In pairs.json and the reports, someone without consent appears only in the excluded list (by code).
        const md = run.outputs["report.md"]!;
        const html = run.outputs["report.html"]!;
        const beforeExcluded = (text: string) => text.slice(0, text.indexOf("Исключённые участники"));
        const jsonShown = JSON.stringify({ groups: json.groups, unmatched: json.unmatched });
        for (const r of all) {
          if (allowed.has(r.id)) continue;
          expect(jsonShown, `${r.id} in pairs.json`).not.toContain(`"${r.id}"`);
          expect(beforeExcluded(md), `${r.id} in report.md`).not.toMatch(
            new RegExp(`(^|[^\\w])${r.id}([^\\w]|$)`),
          );
          expect(beforeExcluded(html), `${r.id} in report.html`).not.toMatch(
            new RegExp(`(^|[^\\w])${r.id}([^\\w]|$)`),
          );
        }
        // 0 lost: every input row is one line of pairs.csv (mentee, or a mentor's first pair), unmatched.csv
        // or excluded.csv.
        const mentorsPaired = new Set(pairs.map((r) => r[0]!)).size;
        expect(pairs.length + mentorsPaired + unmatched.length + excluded.length).toBe(all.length);
      }),
      { numRuns: fuzzRuns(40) },
    );
  }, 300_000);
});
