/** `mentor-match rematch` in-process: the worked session of docs/rematch.md and its guarantees. */
import { formatCsv, readCsv } from "mentor-match";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./_run.js";

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "mm-rematch-"));
const NOVEMBER = [
  "--mentors",
  "mentors-november.csv",
  "--mentees",
  "mentees-november.csv",
  "--config",
  "program.json",
  "--seed",
  "1",
];

function rows(dir: string, name: string): string[][] {
  return readCsv(readFileSync(join(work, dir, name)), { file: name }).rows.map((r) => [...r.cells]);
}

beforeAll(async () => {
  for (const f of ["mentors.csv", "mentees.csv", "program.json"])
    copyFileSync(join(ROOT, "fixtures/demo", f), join(work, f));
  for (const f of ["mentors-november.csv", "mentees-november.csv", "ended.csv"]) {
    copyFileSync(join(ROOT, "fixtures/rematch", f), join(work, f));
  }
  const september = await runInProcess(
    [
      "match",
      "--mentors",
      "mentors.csv",
      "--mentees",
      "mentees.csv",
      "--config",
      "program.json",
      "--seed",
      "1",
      "--out",
      "september",
    ],
    work,
  );
  expect(september.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("mentor-match rematch", () => {
  it("keeps the pairs in force, places the rest, and writes what changed", async () => {
    const run = await runInProcess(
      ["rematch", "--previous", "september", ...NOVEMBER, "--ended", "ended.csv", "--out", "november"],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Пары: сохранено 14, новых 5, расформировано 6, переведено 0.");
    const changes = rows("november", "changes.csv").map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    expect(changes.filter((c) => c.startsWith("ended"))).toEqual([
      "ended M01 S12", // the mentee left
      "ended M03 S11", // the coordinator's ended.csv
      "ended M06 S18", // the guardian withdrew consent
      "ended M07 S08", // the mentor left
      "ended M07 S20",
      "ended M09 S30", // M09 now takes two: the best-scoring two stay
    ]);
    // A mentee whose code changed (S23 → A-117) is found by full name: the pair stays.
    expect(changes).toContain("kept M12 A-117");
    // Every pair of September is in exactly one of kept / ended / moved.
    const september = rows("september", "pairs.csv").map((r) => `${r[0]} ${r[2]}`);
    const previous = changes.filter((c) => !c.startsWith("new")).map((c) => c.split(" ").slice(1).join(" "));
    expect(previous.map((p) => p.replace("A-117", "S23")).sort()).toEqual(september.sort());
    // Every row of November's questionnaires is in exactly one of pairs / unmatched / excluded.
    const seen = [
      ...rows("november", "pairs.csv").flatMap((r) => [r[0]!, r[2]!]),
      ...rows("november", "unmatched.csv").map((r) => r[0]!),
      ...rows("november", "excluded.csv").map((r) => r[0]!),
    ];
    // (S05 answered twice: the older row is an excluded.csv line of its own, naming the row that replaced it.)
    const menteeRows = rows(".", "mentees-november.csv").map((r) => r[1]!);
    const mentees = new Set(menteeRows);
    const menteeSeen = seen.filter((id) => mentees.has(id));
    expect(menteeSeen.sort()).toEqual(menteeRows.sort());
    expect(rows("november", "excluded.csv").find((r) => r[0] === "S05")?.[3]).toMatch(
      /mentees-november\.csv, строка \d+; заменена: mentees-november\.csv, строка \d+/,
    );
    expect(readFileSync(join(work, "november", "report.md"), "utf8")).toContain("## Что изменилось");
    expect(readFileSync(join(work, "november", "report.html"), "utf8")).toContain('<section id="changes">');
  });

  it("with September's own questionnaires, changes nothing", async () => {
    const run = await runInProcess(
      [
        "rematch",
        "--previous",
        "september",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--config",
        "program.json",
        "--seed",
        "1",
        "--out",
        "same",
      ],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Пары: сохранено 20, новых 0, расформировано 0, переведено 0.");
    expect(readFileSync(join(work, "same", "pairs.csv"), "utf8")).toBe(
      readFileSync(join(work, "september", "pairs.csv"), "utf8"),
    );
  });

  it("gives the same files whatever the order of the rows", async () => {
    for (const f of ["mentors-november.csv", "mentees-november.csv"]) {
      const table = readCsv(readFileSync(join(work, f)), { file: f });
      writeFileSync(
        join(work, `shuffled-${f}`),
        formatCsv(
          table.header,
          [...table.rows].reverse().map((r) => r.cells),
        ),
      );
    }
    const shuffled = NOVEMBER.map((a) => (a.endsWith("-november.csv") ? `shuffled-${a}` : a));
    const a = await runInProcess(
      ["rematch", "--previous", "september", ...NOVEMBER, "--ended", "ended.csv", "--out", "a"],
      work,
    );
    const b = await runInProcess(
      ["rematch", "--previous", "september", ...shuffled, "--ended", "ended.csv", "--out", "b"],
      work,
    );
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const f of ["changes.csv", "pairs.csv", "unmatched.csv"]) {
      expect(readFileSync(join(work, "b", f), "utf8"), f).toBe(readFileSync(join(work, "a", f), "utf8"));
    }
    // excluded.csv names the file and rows of a superseded answer: the same apart from where they are.
    const where = (dir: string) =>
      readFileSync(join(work, dir, "excluded.csv"), "utf8").replace(
        /\((?:shuffled-)?mentees-november[^)]*\)/g,
        "(…)",
      );
    expect(where("b")).toBe(where("a"));
  });

  it("moves pairs only when allowed, at most as many as allowed", async () => {
    const run = await runInProcess(
      [
        "rematch",
        "--previous",
        "september/pairs.json",
        ...NOVEMBER,
        "--ended",
        "ended.csv",
        "--strategy",
        "optimal",
        "--allow-moves",
        "1",
        "--out",
        "moves",
        "--lang",
        "en",
      ],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 moved");
    expect(rows("moves", "changes.csv").filter((r) => r[0] === "moved").length).toBe(1);
    expect(readFileSync(join(work, "moves", "report.md"), "utf8")).toContain("Moves allowed: up to 1");
  });

  it("names the file, row and column of a bad ended.csv, and the folder of a missing previous run", async () => {
    writeFileSync(join(work, "ended-bad.csv"), "Код наставника,Код наставляемого,Причина\nM03,,переезд\n");
    const bad = await runInProcess(
      ["rematch", "--previous", "september", ...NOVEMBER, "--ended", "ended-bad.csv", "--out", "x"],
      work,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ended-bad.csv");
    expect(bad.stderr).toMatch(/строка 2/);
    expect(bad.stderr).toContain("Код наставляемого");
    writeFileSync(join(work, "ended-cols.csv"), "Код наставника,Код наставляемого\nM03,S11\n");
    const cols = await runInProcess(
      ["rematch", "--previous", "september", ...NOVEMBER, "--ended", "ended-cols.csv", "--out", "x"],
      work,
    );
    expect(cols.code).toBe(2);
    expect(cols.stderr).toContain("reason");
    writeFileSync(
      join(work, "ended-other.csv"),
      "Код наставника,Код наставляемого,Причина\nM01,S02,не совместимы\n",
    );
    const other = await runInProcess(
      ["rematch", "--previous", "september", ...NOVEMBER, "--ended", "ended-other.csv", "--out", "other"],
      work,
    );
    expect(other.code).toBe(0);
    expect(other.stderr).toContain("ended-other.csv, строка 2: такой действующей пары нет");
    expect(rows("other", "pairs.csv").some((r) => r[0] === "M01" && r[2] === "S02")).toBe(false);
    const missing = await runInProcess(
      ["rematch", "--previous", "no-such-run", ...NOVEMBER, "--out", "x"],
      work,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such-run");
  });
});
