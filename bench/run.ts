/**
 * `npm run bench [-- --only NAME] [-- --json] [-- --quick]`: runs every bench/<name>.bench.ts in its own
 * process, one after another (never in parallel: timings must not share the two cores), and writes
 * bench/results/<name>.json and bench/results/<name>.md. Never part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./_lib.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const asJson = args.includes("--json");
const passThrough = args.filter((a) => a === "--quick");

const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only === undefined || f === `${only}.bench.ts` || f.replace(".bench.ts", "") === only)
  .sort();
if (files.length === 0) {
  console.error(
    only === undefined ? "No benchmarks found in bench/." : `No benchmark named "${only}" in bench/.`,
  );
  process.exit(1);
}

interface Outcome {
  subject: string;
  rows: BenchRow[];
  notes: string[];
}

function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits);
}

function markdown(o: Outcome): string {
  const lines = [
    `# Benchmark: ${o.subject}`,
    "",
    `Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| case | implementation | median ms | ratio | peak MB | target | pass | note |",
    "|---|---|---:|---:|---:|---|---|---|",
  ];
  for (const r of o.rows) {
    lines.push(
      `| ${r.case} | ${r.impl} | ${fmt(r.ms)} | ${r.ratio === undefined ? "" : fmt(r.ratio, 2)} | ${fmt(r.peakMB, 0)} | ${r.target ?? ""} | ${r.pass === undefined ? "" : r.pass ? "yes" : "**no**"} | ${r.note ?? ""} |`,
    );
  }
  if (o.notes.length > 0) lines.push("", ...o.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}

const outcomes: Outcome[] = [];
mkdirSync(join(here, "results"), { recursive: true });
for (const file of files) {
  const name = file.replace(".bench.ts", "");
  if (!asJson) console.error(`▶ ${name}`);
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", join(here, file), ...passThrough],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = child.stdout.split("\n").find((l) => l.startsWith("@@BENCH "));
  if (child.status !== 0 || line === undefined) {
    console.error(`✖ ${name} failed (exit ${child.status}).`);
    process.exitCode = 1;
    continue;
  }
  const outcome = JSON.parse(line.slice("@@BENCH ".length)) as Outcome;
  outcomes.push(outcome);
  writeFileSync(join(here, "results", `${name}.json`), `${JSON.stringify(outcome, null, 2)}\n`);
  writeFileSync(join(here, "results", `${name}.md`), markdown(outcome));
  if (!asJson) process.stdout.write(`${markdown(outcome)}\n`);
}
if (asJson) process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
