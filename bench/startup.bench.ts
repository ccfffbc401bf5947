/**
 * Start-up, as a user meets it, each in a fresh Node process from the built package (dist/):
 * - `await import("mentor-match")` (timed inside the process, so Node's own start is not counted);
 * - `mentor-match --version`, `validate` and `match` on the bundled example (12 mentors, 30 mentees),
 *   wall time of the whole process;
 * - `node -e 0`, the floor every command line pays.
 * Targets (issue 16): import ≤ 150 ms, --version ≤ 300 ms, judged on CPU time (see `row` below).
 * `npm run bench -- --only startup`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
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

/** A measure: wall time and CPU time (user + system), in ms, each the median of REPS. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** A fresh process under /usr/bin/time, REPS times (one untimed run first, to warm the file cache). */
function processTime(args: readonly string[]): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k <= REPS; k++) {
    const r = spawnSync("/usr/bin/time", ["-f", "@@%e %U %S", process.execPath, ...args], {
      cwd: dir,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
    const m = /@@([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m === null) throw new Error(`no timing from /usr/bin/time:\n${r.stderr.slice(-500)}`);
    if (k === 0) continue;
    wall.push(Number(m[1]) * 1000);
    cpu.push((Number(m[2]) + Number(m[3])) * 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * `await import(file)` inside a fresh process, REPS times: wall and CPU time of the import alone. `file` may
 * be the package's own name: run from the repository, Node resolves it through package.json `exports`.
 */
function importTime(file: string): Timing {
  const code = `const c0 = process.cpuUsage(); const t0 = performance.now(); await import(${JSON.stringify(file)}); const t = performance.now() - t0; const c = process.cpuUsage(c0); process.stdout.write(JSON.stringify([t, (c.user + c.system) / 1000]));`;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k <= REPS; k++) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`import failed:\n${r.stderr}`);
    if (k === 0) continue;
    const [w, c] = JSON.parse(r.stdout) as [number, number];
    wall.push(w);
    cpu.push(c);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** `require(file)` (the CommonJS build) inside a fresh process, REPS times: wall and CPU time of the require. */
function requireTime(file: string): Timing {
  const code = `const c0 = process.cpuUsage(); const t0 = performance.now(); require(${JSON.stringify(file)}); const t = performance.now() - t0; const c = process.cpuUsage(c0); process.stdout.write(JSON.stringify([t, (c.user + c.system) / 1000]));`;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k <= REPS; k++) {
    const r = spawnSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`require failed:\n${r.stderr}`);
    if (k === 0) continue;
    const [w, c] = JSON.parse(r.stdout) as [number, number];
    wall.push(w);
    cpu.push(c);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * The modules that loading `file` loads (a separate process: the counting hook is not timed), in all and
 * by package ("ours" for dist/). ES modules are counted by a module-loading hook, CommonJS ones from
 * `require.cache`. Where most of the import time goes on Node 20: each module costs a resolution, a read
 * and a compilation, so the count matters as much as the code.
 */
function moduleCount(file: string, kind: "esm" | "cjs"): string {
  let urls: string[];
  if (kind === "esm") {
    const hooks = `export async function load(url, context, next) { process.stderr.write("@@LOAD " + url + "\\n"); return next(url, context); }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        `data:text/javascript,${encodeURIComponent(register)}`,
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(file)});`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`import failed:\n${r.stderr}`);
    urls = r.stderr
      .split("\n")
      .filter((l) => l.startsWith("@@LOAD file:"))
      .map((l) => l.slice(7));
  } else {
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(file)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`require failed:\n${r.stderr}`);
    urls = JSON.parse(r.stdout) as string[];
  }
  const by = new Map<string, number>();
  for (const u of urls) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    const key = m === null ? "ours" : m[1]!;
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  const parts = [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  // require.cache lists an ES module reached by `require` (lodash-es) once, without the modules it imports.
  return `${urls.length} modules${kind === "cjs" ? " in require.cache" : ""} (${parts.join(", ")})`;
}

const load = loadavg()[0]!.toFixed(1);
const demo = ["--mentors", join(DEMO, "mentors.csv"), "--mentees", join(DEMO, "mentees.csv")];
const config = ["--config", join(DEMO, "program.json")];
const rows: BenchRow[] = [];
// The figure is the CPU time: on this shared, loaded machine the wall time is several times the CPU time
// (other processes hold the cores), while the CPU time is close to the wall time of an idle machine
// (start-up is one thread). The wall time of the same runs is in the note.
const row = (c: string, impl: string, t: Timing, target?: number, note?: string): void => {
  rows.push({
    case: c,
    impl: `${impl}, CPU time (user + system)`,
    ms: t.cpu,
    ...(target === undefined ? {} : { target: `≤ ${target} ms`, pass: t.cpu <= target }),
    note: `wall ${t.wall.toFixed(0)} ms; median of ${REPS} fresh processes; load average ${load} at the start${note === undefined ? "" : `; ${note}`}`,
  });
};

row("Node itself", "node -e 0", processTime(["-e", "0"]));
row(
  'await import("mentor-match")',
  "by name: dist/node/index.js (ESM, Node's bundled entry)",
  importTime("mentor-match"),
  150,
  `inside the process; resolved by the package's exports ("node" condition); zod, csv-parse and csv-stringify inlined; mathjs, iconv-lite and exceljs do not load; ${moduleCount("mentor-match", "esm")}`,
);
row(
  'await import("mentor-match"), file by file',
  "dist/index.js (ESM, the build bundlers read)",
  importTime(join(ROOT, "dist/index.js")),
  undefined,
  `inside the process; what Node loaded before the bundled entry; ${moduleCount(join(ROOT, "dist/index.js"), "esm")}`,
);
row(
  'require("mentor-match")',
  "dist/cjs/index.js (CommonJS)",
  requireTime(join(ROOT, "dist/cjs/index.js")),
  undefined,
  `inside the process; the CommonJS build stays file by file (a bundle per entry would give each subpath its own copy of the error classes); ${moduleCount(join(ROOT, "dist/cjs/index.js"), "cjs")}`,
);
row(
  'await import("mentor-match/matching")',
  "by name: dist/node/entries/matching.js (ESM)",
  importTime("mentor-match/matching"),
  undefined,
  moduleCount("mentor-match/matching", "esm"),
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
  "whole process, seven outputs written",
);
rmSync(dir, { recursive: true, force: true });
emit("startup", rows, [
  "Each figure is the median of fresh Node processes on the built package (npm run build).",
  "The machine is shared (2 cores, other engineers' builds and tests running): the figure is CPU time (user + system), which a loaded machine inflates far less than wall time; the wall time is in each note. Compare with the `node -e 0` row of the same run.",
]);
