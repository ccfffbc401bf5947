/**
 * Start-up, as a user meets it, each in a fresh Node process from the built package (dist/):
 * - `await import("mentor-match")` (timed inside the process, so Node's own start is not counted);
 * - `mentor-match --version`, `validate` and `match` on the bundled example (12 mentors, 30 mentees),
 *   wall time of the whole process;
 * - `node -e 0`, the floor every command line pays.
 * Targets (issue 16): import ≤ 150 ms, --version ≤ 300 ms. `npm run bench -- --only startup`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { type BenchRow, emit, QUICK } from "./_lib.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli/main.js");
if (!existsSync(CLI)) throw new Error("dist/cli/main.js is missing: run `npm run build` first.");
const REPS = QUICK ? 3 : 9;
const DEMO = join(ROOT, "fixtures/demo");
const dir = mkdtempSync(join(tmpdir(), "mm-bench-startup-"));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time of a fresh process, median of REPS (one untimed run first, to warm the file cache). */
function processTime(args: readonly string[]): number {
  const times: number[] = [];
  for (let k = 0; k <= REPS; k++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
    if (k > 0) times.push(ms);
  }
  return median(times);
}

/** The time of `await import(specifier)` inside a fresh process, median of REPS. */
function importTime(file: string): number {
  const code = `const t0 = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t0));`;
  const times: number[] = [];
  for (let k = 0; k <= REPS; k++) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`import failed:\n${r.stderr}`);
    if (k > 0) times.push(Number(r.stdout));
  }
  return median(times);
}

const load = loadavg()[0]!.toFixed(1);
const demo = ["--mentors", join(DEMO, "mentors.csv"), "--mentees", join(DEMO, "mentees.csv")];
const config = ["--config", join(DEMO, "programme.json")];
const rows: BenchRow[] = [];
const row = (c: string, impl: string, ms: number, target?: number, note?: string): void => {
  rows.push({
    case: c,
    impl,
    ms,
    ...(target === undefined ? {} : { target: `≤ ${target} ms`, pass: ms <= target }),
    note: `median of ${REPS} fresh processes; load average ${load} at the start${note === undefined ? "" : `; ${note}`}`,
  });
};

row("Node itself", "node -e 0", processTime(["-e", "0"]));
row(
  'await import("mentor-match")',
  "dist/index.js (ESM)",
  importTime(join(ROOT, "dist/index.js")),
  150,
  "inside the process; zod and the CSV parsers load, mathjs does not",
);
row(
  'await import("mentor-match/matching")',
  "dist/entries/matching.js (ESM)",
  importTime(join(ROOT, "dist/entries/matching.js")),
);
row("mentor-match --version", "dist/cli/main.js", processTime([CLI, "--version"]), 300, "whole process");
row(
  "mentor-match validate, the bundled example",
  "dist/cli/main.js",
  processTime([CLI, "validate", ...demo, ...config]),
  undefined,
  "whole process",
);
row(
  "mentor-match match, the bundled example",
  "dist/cli/main.js",
  processTime([CLI, "match", ...demo, ...config, "--out", join(dir, "out")]),
  undefined,
  "whole process, six outputs written",
);
rmSync(dir, { recursive: true, force: true });
emit("startup", rows, [
  "Each figure is the median of fresh Node processes on the built package (npm run build).",
  "The machine is shared (2 cores, other engineers' builds and tests running): compare with the `node -e 0` row of the same run.",
]);
