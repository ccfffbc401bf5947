/**
 * One `match` run of the built CLI split into its steps, in this process, each timed by CPU time (user +
 * system, this process: the main thread and V8's helper threads): reading and decoding the files, column
 * mapping and reading the answers, scoring, matching, the report model, the CSV/JSON/report texts,
 * pairs.xlsx, the atomic write. Run by cli.bench.ts as `node --import tsx bench/_cliSteps.ts DIST DIR
 * STRATEGY`; prints one JSON line: step → ms. The modules are imported before the clock starts (start-up
 * is in startup.bench.ts).
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [distArg, dir, strategy] = process.argv.slice(2) as [string, string, "stable" | "optimal"];
const dist = resolve(distArg);
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(dist, path)).href)) as T;

// The built modules, typed by their sources.
const inputs = await load<typeof import("../src/cli/_internal/inputs.js")>("cli/_internal/inputs.js");
const library = await load<typeof import("../src/cli/_internal/library.js")>("cli/_internal/library.js");
const { match } = await load<typeof import("../src/matching/match.js")>("matching/match.js");
const { buildReportModel } = await load<typeof import("../src/report/buildReportModel.js")>(
  "report/buildReportModel.js",
);
const { renderOutputs } =
  await load<typeof import("../src/report/renderOutputs.js")>("report/renderOutputs.js");
const { outputTables } = await load<typeof import("../src/report/outputTables.js")>("report/outputTables.js");
const { writeXlsxWorkbook } =
  await load<typeof import("../src/cli/_internal/xlsx.js")>("cli/_internal/xlsx.js");
const { writeOutputs } = await load<typeof import("../src/cli/_internal/writeOutputs.js")>(
  "cli/_internal/writeOutputs.js",
);

const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: dir, stderrIsTTY: false };
const options = { mentors: "mentors.csv", mentees: "mentees.csv", form: "student-student" };
const ms: Record<string, number> = {};
let c0 = process.cpuUsage();
const lap = (name: string): void => {
  const c = process.cpuUsage(c0);
  ms[name] = (c.user + c.system) / 1000;
  c0 = process.cpuUsage();
};

const program = inputs.loadProgram(io, options);
const { sources } = inputs.loadSources(io, options);
lap("program, read and decode (CSV)");
const read = inputs.loadParticipants(sources, program);
lap("map columns, read answers");
const scored = library.scoreRecords(program.info, read.participants, read.sources, new Map());
lap("validate and score");
const result = match({ ...scored.instance, seed: 0 }, { strategy });
lap(`match (${strategy})`);
const model = buildReportModel({
  form: program.info.form,
  choice: () => undefined,
  mentees: scored.mentees,
  mentors: scored.mentors,
  result,
  score: scored.score,
  explain: scored.explain,
  excluded: scored.excluded,
  warnings: [],
  seed: 0,
  appendix: {},
});
lap("report model");
const files = renderOutputs(model, { language: "ru" });
lap("CSV, JSON, report.html, report.md");
const tables = outputTables(model, { language: "ru" });
const xlsx = await writeXlsxWorkbook([tables.pairs, tables.unmatched, tables.excluded]);
lap("pairs.xlsx (exceljs load + write)");
const out = join(dir, `steps-${process.pid}`);
await writeOutputs(io, out, { ...files, "pairs.xlsx": xlsx }, {});
lap("atomic write of 7 files");
rmSync(out, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(ms)}\n`);
