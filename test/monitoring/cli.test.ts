/** `mentor-match monitor` on the fixture program: the files, privacy, xlsx input, the district roll-up. */
import { type Language, presets, readCsv } from "mentor-match";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSheet, writeSheet } from "../_xlsx.js";
import { runInProcess } from "../cli/_run.js";
import { FIXTURE } from "./_fixture.js";

const dir = mkdtempSync(join(tmpdir(), "mm-monitor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(FIXTURE, dir, { recursive: true });

/** The options of `mentor-match monitor` these tests use. */
interface MonitorArgs {
  readonly pairs?: readonly string[];
  readonly diagnostics?: readonly string[];
  readonly satisfaction?: readonly string[];
  readonly aggregate?: readonly string[];
  readonly labels?: readonly string[];
  readonly school?: string;
  readonly pseudonymize?: boolean;
  readonly out: string;
}

/** Runs `mentor-match monitor` (through the CLI, as a coordinator would) in the test folder. */
function run(args: MonitorArgs, language: Language = "en") {
  const list = (flag: string, values: readonly string[] | undefined) =>
    values === undefined ? [] : [flag, ...values];
  return runInProcess(
    [
      "monitor",
      ...list("--pairs", args.pairs),
      ...list("--diagnostics", args.diagnostics),
      ...list("--satisfaction", args.satisfaction),
      ...list("--aggregate", args.aggregate),
      ...(args.labels === undefined ? [] : ["--labels", args.labels.join(",")]),
      ...(args.school === undefined ? [] : ["--school", args.school]),
      ...(args.pseudonymize === true ? ["--pseudonymize"] : []),
      ...["--out", args.out, "--lang", language],
    ],
    dir,
  );
}

const DIAG = ["start.csv", "q1.csv", "q2.csv", "final.csv"];
const NAMES = ["Смирнов Олег Петрович", "Иванова Анна Сергеевна", "anna.ivanova0@school42.ru"];

describe("mentor-match monitor", () => {
  it("writes the five outputs, one CSV row per participant × parameter × time point", async () => {
    const r = await run({
      pairs: ["results"],
      diagnostics: DIAG,
      satisfaction: ["satisfaction.csv"],
      out: "school42",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Participants: 39, pairs: 20, diagnostics: 4.");
    expect(r.stderr).toContain("final.csv: no participant of the pairs has this code, e-mail or name — 1");
    expect(readdirSync(join(dir, "school42")).sort()).toEqual([
      "at-risk.csv",
      "monitoring.csv",
      "monitoring.html",
      "monitoring.json",
      "monitoring.xlsx",
    ]);
    const csv = readCsv(readFileSync(join(dir, "school42/monitoring.csv")), { file: "monitoring.csv" });
    expect(csv.rows.length).toBe((27 * 4 + 12 * 2) * 4);
    // S27 withdrew consent: in no file at all.
    for (const f of ["monitoring.csv", "monitoring.json", "monitoring.html", "at-risk.csv"]) {
      expect(readFileSync(join(dir, "school42", f), "utf8")).not.toMatch(/\bS27\b|Шарова/);
    }
    const xlsx = readFileSync(join(dir, "school42/monitoring.xlsx"));
    const sheet = await readSheet(xlsx, "Pairs at risk");
    expect(sheet.slice(1).map((x) => x.cells.slice(0, 2))).toEqual([
      ["M07", "S08"],
      ["M08", "S25"],
    ]);
  });

  it("reads xlsx exports with the same reader", async () => {
    const table = readCsv(readFileSync(join(dir, "final.csv")), { file: "final.csv" });
    const bytes = await writeSheet(
      "Ответы",
      table.header,
      table.rows.map((x) => x.cells),
    );
    writeFileSync(join(dir, "final.xlsx"), bytes);
    const a = await run({ pairs: ["results"], diagnostics: DIAG, out: "via-csv" });
    const b = await run({
      pairs: ["results/pairs.json"],
      diagnostics: [...DIAG.slice(0, 3), "final.xlsx"],
      labels: ["start", "q1", "q2", "final"],
      out: "via-xlsx",
    });
    expect([a.code, b.code]).toEqual([0, 0]);
    const csvA = readFileSync(join(dir, "via-csv/monitoring.csv"), "utf8");
    expect(readFileSync(join(dir, "via-xlsx/monitoring.csv"), "utf8")).toBe(csvA);
  });

  it("--pseudonymize leaves no name and no e-mail in any output", async () => {
    const r = await run({
      pairs: ["results"],
      diagnostics: DIAG,
      satisfaction: ["satisfaction.csv"],
      pseudonymize: true,
      out: "shared",
    });
    expect(r.code).toBe(0);
    for (const f of ["monitoring.csv", "monitoring.json", "monitoring.html", "at-risk.csv"]) {
      const text = readFileSync(join(dir, "shared", f), "utf8");
      for (const n of NAMES) expect(text).not.toContain(n);
    }
    expect(readFileSync(join(dir, "shared/monitoring.csv"), "utf8")).toMatch(/P-[0-9A-F]{4}/);
  });

  it("neutralizes cells that would be formulas", async () => {
    const pairs = JSON.parse(readFileSync(join(dir, "results/pairs.json"), "utf8"));
    pairs.groups[0].mentor.name = '=HYPERLINK("http://x","y")';
    writeFileSync(join(dir, "evil.json"), JSON.stringify(pairs));
    const r = await run({ pairs: ["evil.json"], diagnostics: DIAG, out: "evil" });
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, "evil/monitoring.csv"), "utf8");
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("stops with every bad cell named by file, row and column, and writes nothing", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "Код участника;Мотивация к учёбе и саморазвитию\nS01;12\nS03;много\n",
    );
    const r = await run({ pairs: ["results"], diagnostics: ["start.csv", "bad.csv"], out: "bad-out" }, "ru");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "bad.csv, строка 2, столбец «Мотивация к учёбе и саморазвитию»: значение 12 вне шкалы 1–10",
    );
    expect(r.stderr).toContain("bad.csv, строка 3");
    expect(r.stderr).toContain("Найдено ошибок: 2");
    expect(r.stderr).not.toContain("Иванова");
    expect(() => readdirSync(join(dir, "bad-out"))).toThrow();
  });

  it("is a command of mentor-match, reading several files after --diagnostics, and takes a config", async () => {
    const config = {
      ...presets["student-student"],
      monitoring: { ...presets["student-student"].monitoring!, atRisk: { satisfactionBelow: 3 } },
    };
    writeFileSync(join(dir, "program.json"), JSON.stringify(config));
    const r = await runInProcess(
      [
        "monitor",
        "--pairs",
        "results",
        "--diagnostics",
        "start.csv",
        "q1.csv",
        "--satisfaction",
        "satisfaction.csv",
        "--config",
        "program.json",
        "--out",
        "via-cli",
        "--lang",
        "en",
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Participants: 40, pairs: 21, diagnostics: 2.");
    // With the threshold at 3 instead of 5, only answers of 2 put a pair at risk.
    const atRisk = readFileSync(join(dir, "via-cli/at-risk.csv"), "utf8");
    expect(atRisk.split("\r\n").filter((l) => l !== "").length).toBeLessThanOrEqual(2);
    const bad = await runInProcess(["monitor", "--pairs", "results", "--out", "x", "--lang", "en"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--diagnostics");
  });

  it("rolls schools up into district tables without any participant code", async () => {
    const a = await run({
      pairs: ["results"],
      diagnostics: DIAG,
      satisfaction: ["satisfaction.csv"],
      out: "s1",
      school: "Школа 1",
    });
    const b = await run({ pairs: ["results"], diagnostics: DIAG.slice(0, 2), out: "s2", school: "Школа 2" });
    expect([a.code, b.code]).toEqual([0, 0]);
    const d = await run({ aggregate: ["s1/monitoring.json", "s2/monitoring.json"], out: "district" });
    expect(d.code).toBe(0);
    expect(readdirSync(join(dir, "district")).sort()).toEqual([
      "district.csv",
      "district.html",
      "district.json",
      "district.xlsx",
    ]);
    const district = JSON.parse(readFileSync(join(dir, "district/district.json"), "utf8"));
    // School 1: 39 (S27 withdrew consent in final.csv); school 2 read start and q1 only: all 40.
    expect(district.totals.participants).toBe(79);
    expect(district.schools).toEqual(["Школа 1", "Школа 2"]);
    for (const f of ["district.csv", "district.json", "district.html"]) {
      const text = readFileSync(join(dir, "district", f), "utf8");
      expect(text).not.toMatch(/\b[MS]\d\d\b/);
      for (const n of NAMES) expect(text).not.toContain(n);
    }
  });

  it("at-risk.csv is what `rematch --ended` reads: the pairs at risk are ended and their people placed again", async () => {
    const m = await run({
      pairs: ["results"],
      diagnostics: DIAG,
      satisfaction: ["satisfaction.csv"],
      out: "for-rematch",
    });
    expect(m.code).toBe(0);
    const atRisk = readCsv(readFileSync(join(dir, "for-rematch/at-risk.csv")), { file: "at-risk.csv" });
    const pairs = atRisk.rows.map((r) => `${r.cells[0]};${r.cells[1]}`);
    expect(pairs).toEqual(["M07;S08", "M08;S25"]);
    for (const f of ["mentors.csv", "mentees.csv", "program.json"])
      cpSync(join(FIXTURE, "../demo", f), join(dir, f));
    const r = await runInProcess(
      [
        "rematch",
        "--previous",
        "results",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--config",
        "program.json",
        "--ended",
        "for-rematch/at-risk.csv",
        "--out",
        "rematched",
        "--lang",
        "en",
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const changes = readCsv(readFileSync(join(dir, "rematched/changes.csv")), { file: "changes.csv" });
    const ended = changes.rows
      .filter((row) => row.cells[0] === "ended")
      .map((row) => `${row.cells[1]};${row.cells[2]}`);
    expect(ended.sort()).toEqual(pairs);
    const now = JSON.parse(readFileSync(join(dir, "rematched/pairs.json"), "utf8")) as {
      groups: { mentor: { id: string }; mentees: { id: string }[] }[];
    };
    const inForce = now.groups.flatMap((g) => g.mentees.map((x) => `${g.mentor.id};${x.id}`));
    for (const p of pairs) expect(inForce).not.toContain(p);
  });
});
