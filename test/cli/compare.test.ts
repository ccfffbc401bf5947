/** `compare --json`, and the progress of `match` and `compare` on a terminal (in-process runs). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import {
  compareStrategies,
  formatCsv,
  generateParticipants,
  type Participant,
  preset,
  scoreParticipants,
} from "mentor-match";
import { ROOT } from "./_built.js";
import { runInProcess } from "./_run.js";

const cwd = join(ROOT, "fixtures/csv");
let clock = 0;

async function onTerminal(
  args: readonly string[],
  where = cwd,
  isTTY = true,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { LANG: "en_US.UTF-8" },
    cwd: where,
    stderrIsTTY: isTTY,
    // A clock a second ahead at each look: every change of the percentage is drawn, however fast the run.
    now: () => (clock += 1000),
  });
  return { code, stdout, stderr };
}

describe("compare --json", () => {
  it("prints the comparison table of compareStrategies as JSON", async () => {
    const args = ["--form", "student-student", "--generate", "6:15", "--instances", "2", "--seeds", "4,5"];
    const run = await runInProcess(
      ["compare", ...args, "--strategies", "stable,optimal,random", "--json"],
      cwd,
    );
    expect(run.code).toBe(0);
    const table = JSON.parse(run.stdout);
    // The same instances the command generates: seeds 4 and 5, one per instance.
    const program = preset("student-student");
    const instances = [4, 5].map(
      (seed) =>
        scoreParticipants(program, generateParticipants(program, { mentors: 6, mentees: 15, seed })).instance,
    );
    const direct = compareStrategies(instances, ["stable", "optimal", "random"], { seeds: [4, 5] });
    expect(table).toEqual(JSON.parse(JSON.stringify(direct)));
    // stable and optimal once per instance, random once per seed per instance.
    expect(table.rows).toHaveLength(2 * (1 + 1 + 2));
    expect(table.summary.map((s: { strategy: string }) => s.strategy)).toEqual([
      "stable",
      "optimal",
      "random",
    ]);
  });

  it("refuses --json with --markdown", async () => {
    const run = await runInProcess(
      ["compare", "--form", "student-student", "--generate", "4:8", "--json", "--markdown"],
      cwd,
    );
    expect(run.code).toBe(1);
  });
});

describe("progress on a terminal", () => {
  const out = mkdtempSync(join(tmpdir(), "mm-progress-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("match moves within scoring and writing, and clears the line at the end", async () => {
    const run = await onTerminal([
      "match",
      "--input",
      "one-file/participants.csv",
      "--config",
      "program.json",
      "--out",
      out,
      "--lang",
      "en",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Scoring the pairs 100%");
    expect(run.stderr).toContain("Writing the results 100%");
    expect(run.stderr).toContain("Matching");
    expect(run.stderr.endsWith("\r\u001b[K")).toBe(true);
  });

  it("compare steps once per strategy run", async () => {
    const run = await onTerminal([
      "compare",
      "--form",
      "student-student",
      "--generate",
      "4:8",
      "--strategies",
      "stable,random",
      "--seeds",
      "1,2",
      "--lang",
      "en",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1/4 Generating participants");
    expect(run.stderr).toContain("2/4 Matching: stable");
    expect(run.stderr).toContain("4/4 Matching: random");
    expect(run.stdout).toContain("Strategies compared");
  });
});

/** Generated participants as a Google Form would export them (Russian labels as headers). */
function exportCsv(people: readonly Participant[], role: "mentor" | "mentee"): string {
  const program = preset("student-student");
  const questions = program.questions.filter((q) => q.role === "both" || q.role === role);
  const header = [
    "Код участника",
    "Класс",
    ...questions.map((q) => q.label.ru),
    ...(role === "mentor" ? ["Сколько наставляемых готовы взять"] : []),
    "Согласие на обработку персональных данных",
    "Согласие родителя (законного представителя)",
  ];
  const rows = people.map((p) => [
    p.id,
    p.grade === undefined ? "" : `${p.grade}А`,
    ...questions.map((q) => {
      const a = p.answers[q.id];
      return Array.isArray(a) ? a.join(", ") : a === undefined ? "" : String(a);
    }),
    ...(role === "mentor" ? [p.capacity === undefined ? "" : String(p.capacity)] : []),
    "Да",
    "Да",
  ]);
  return formatCsv(header, rows, { bom: false });
}

describe("progress inside the matching step", () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-progress-match-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const people = generateParticipants(preset("student-student"), { mentors: 60, mentees: 400, seed: 3 });
  writeFileSync(
    join(dir, "mentors.csv"),
    exportCsv(
      people.filter((p) => p.role === "mentor"),
      "mentor",
    ),
  );
  writeFileSync(
    join(dir, "mentees.csv"),
    exportCsv(
      people.filter((p) => p.role === "mentee"),
      "mentee",
    ),
  );
  const args = (out: string) => [
    "match",
    "--mentors",
    "mentors.csv",
    "--mentees",
    "mentees.csv",
    "--form",
    "student-student",
    "--strategy",
    "optimal",
    "--out",
    out,
    "--lang",
    "en",
  ];
  /** The percentages drawn while the bar's label was `label`. */
  const percents = (stderr: string, label: string): number[] =>
    [...stderr.matchAll(new RegExp(`${label} (\\d+)%`, "g"))].map((m) => Number(m[1]));

  it("match: the bar moves while the solver runs, on a terminal", async () => {
    const run = await onTerminal(args(join(dir, "tty")), dir);
    expect(run.code).toBe(0);
    const shown = percents(run.stderr, "Matching");
    // Drawn from inside the solver: at least one share strictly between the start and the end.
    expect(shown.some((p) => p > 0 && p < 100)).toBe(true);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });

  it("match: nothing of the bar when stderr is not a terminal", async () => {
    const run = await onTerminal(args(join(dir, "pipe")), dir, false);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("\r");
    expect(run.stderr).not.toMatch(/\d+%/);
  });

  it("compare: the bar moves within a strategy's run", async () => {
    const run = await onTerminal([
      "compare",
      "--form",
      "student-student",
      "--generate",
      "60:400",
      "--instances",
      "1",
      "--strategies",
      "optimal",
      "--lang",
      "en",
    ]);
    expect(run.code).toBe(0);
    expect(percents(run.stderr, "Matching: optimal").some((p) => p > 0 && p < 100)).toBe(true);
  });
});
