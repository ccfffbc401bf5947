/**
 * The coordinator's command end to end: 1,000 mentors + 5,000 mentees as survey exports (CSV with
 * Russian headers, generated from a committed seed) → `mentor-match match` (the built dist/cli/main.js,
 * a fresh process, as a curator runs it) → pairs.csv, unmatched.csv, excluded.csv, pairs.json, report.html,
 * report.md. Target: ≤ 3 s for both strategies (issue 16). `npm run bench -- --only cli` (builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { formatCsv } from "../src/csv/formatCsv.js";
import { generateParticipants } from "../src/questionnaire/generate.js";
import type { Participant } from "../src/questionnaire/participant.js";
import { preset } from "../src/questionnaire/presets.js";
import { BENCHMARK_SEED, type BenchRow, emit, QUICK } from "./_lib.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli/main.js");
if (!existsSync(CLI)) throw new Error("dist/cli/main.js is missing: run `npm run build` first.");

const program = preset("student-student");

/** Participants → the CSV a Google Form would export: Russian labels as headers, ", " between choices. */
function exportCsv(people: readonly Participant[], role: "mentor" | "mentee"): string {
  const questions = program.questions.filter((q) => q.role === "both" || q.role === role);
  const header = [
    "Отметка времени",
    "Код участника",
    "Класс",
    ...questions.map((q) => q.label.ru),
    ...(role === "mentor" ? ["Сколько наставляемых готовы взять"] : ["Категория"]),
    "Согласие на обработку персональных данных",
    "Согласие родителя (законного представителя)",
    role === "mentor" ? "Предпочитаемые наставляемые" : "Предпочитаемый наставник",
  ];
  const rows = people.map((p, k) => [
    `01.09.2025 ${String(8 + (Math.floor(k / 3600) % 12)).padStart(2, "0")}:${String(Math.floor(k / 60) % 60).padStart(2, "0")}:${String(k % 60).padStart(2, "0")}`,
    p.id,
    p.grade === undefined ? "" : `${p.grade}А`,
    ...questions.map((q) => {
      const a = p.answers[q.id];
      return Array.isArray(a) ? a.join(", ") : a === undefined ? "" : String(a);
    }),
    role === "mentor" ? (p.capacity === undefined ? "" : String(p.capacity)) : p.tags.join(", "),
    p.consent === undefined ? "" : p.consent ? "Да" : "Нет",
    p.guardianConsent === undefined ? "" : p.guardianConsent ? "Да" : "Нет",
    p.preferences.join(", "),
  ]);
  return formatCsv(header, rows, { bom: false });
}

const mentors = QUICK ? 200 : 1000;
const mentees = QUICK ? 1000 : 5000;
const people = generateParticipants(program, { mentors, mentees, seed: BENCHMARK_SEED });
const dir = mkdtempSync(join(tmpdir(), "mm-bench-cli-"));
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

// Linux: the main thread's CPU time, read from /proc when the process exits (pairs.xlsx is written by a
// worker thread, so the process's CPU time is no longer the critical path; the main thread's is).
const threadCpu = existsSync("/proc/self/task");
const preload = join(dir, "thread-cpu.cjs");
writeFileSync(
  preload,
  `const fs = require("node:fs");
const { isMainThread } = require("node:worker_threads");
if (isMainThread) process.on("exit", () => {
  const s = fs.readFileSync("/proc/self/task/" + process.pid + "/stat", "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  fs.writeSync(2, "@@MAIN " + (Number(f[11]) + Number(f[12])) * 10 + "\\n");
});
`,
);

const load = loadavg()[0]!.toFixed(1);
const rows: BenchRow[] = [];
for (const strategy of ["stable", "optimal"] as const) {
  const times: number[] = [];
  let peakMB = 0;
  const cpu: number[] = [];
  const mainCpu: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const out = join(dir, `out-${strategy}-${rep}`);
    const t0 = performance.now();
    const r = spawnSync(
      "/usr/bin/time",
      [
        "-f",
        "%M %U %S",
        process.execPath,
        ...(threadCpu ? ["--require", preload] : []),
        CLI,
        "match",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--form",
        "student-student",
        "--strategy",
        strategy,
        "--out",
        out,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`mentor-match exited ${r.status}:\n${r.stderr.slice(-2000)}`);
    const [kb, user, system] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number) as [
      number,
      number,
      number,
    ];
    cpu.push((user + system) * 1000);
    const main = /@@MAIN (\d+)/.exec(r.stderr);
    if (main !== null) mainCpu.push(Number(main[1]));
    if (Number.isFinite(kb)) peakMB = Math.max(peakMB, kb / 1024);
    if (readdirSync(out).length !== 7) throw new Error("not every output was written");
  }
  const sorted = [...times].sort((a, b) => a - b);
  const ms = sorted[1]!;
  const report = statSync(join(dir, `out-${strategy}-0`, "report.html")).size;
  rows.push({
    case: `${mentors} mentors + ${mentees} mentees, CSV → 7 outputs (pairs.xlsx among them)`,
    impl: `mentor-match match --strategy ${strategy}`,
    ms,
    peakMB,
    target: QUICK ? "" : "≤ 3 s",
    ...(QUICK ? {} : { pass: ms <= 3_000 }),
    note: `median of 3 fresh processes; report.html ${(report / 1024 / 1024).toFixed(1)} MB; CPU time (user + system) ${[...cpu].sort((a, b) => a - b)[1]!.toFixed(0)} ms${mainCpu.length === 3 ? `, of which the main thread ${[...mainCpu].sort((a, b) => a - b)[1]!.toFixed(0)} ms` : ""}; load average ${load} at the start (2 cores, shared)`,
  });
}
// The same run split into its steps, in one process (bench/_cliSteps.ts), CPU time per step, median of 3.
for (const strategy of ["stable", "optimal"] as const) {
  const runs: Record<string, number>[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "bench/_cliSteps.ts"), join(ROOT, "dist"), dir, strategy],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`bench/_cliSteps.ts exited ${r.status}:\n${r.stderr.slice(-2000)}`);
    runs.push(JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>);
  }
  for (const step of Object.keys(runs[0]!)) {
    const xs = runs.map((x) => x[step]!).sort((a, b) => a - b);
    rows.push({
      case: `${mentors} + ${mentees}, step: ${step}`,
      impl: `match --strategy ${strategy}, in process, CPU time (user + system)`,
      ms: xs[1]!,
      note: `median of 3; load average ${load} at the start (2 cores, shared)`,
    });
  }
}
rmSync(dir, { recursive: true, force: true });
emit("cli", rows, [
  `Inputs generated by generateParticipants(preset("student-student"), { seed: ${BENCHMARK_SEED} }) and written as Google-Forms-like CSVs.`,
  "Time includes Node start-up, reading and decoding, column mapping, validation, scoring, matching, the report and atomic writes.",
  "The step rows run the same pipeline in one process, step after step, with pairs.xlsx on the main thread (the command writes it on a worker thread, beside the CSV and report step): they say where the CPU time goes, not the command's wall time.",
]);
