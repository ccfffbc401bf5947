/**
 * Invariants of a whole run of `mentor-match match`, over random populations:
 * - every participant who came in is in exactly one of pairs / unmatched / excluded;
 * - nobody without valid consent appears in the pairs, the unmatched or a report (only in the list of the
 *   excluded, by code), and their names and e-mails appear nowhere;
 * - the same input in shuffled row order gives byte-identical outputs for a given seed, and no output
 *   carries the day of the run.
 */
import { readCsv } from "mentor-match";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../fuzz/_harness.js";
import { runInTemp } from "./_cli.js";
import { hasValidConsent, type Person, population, toCsv } from "./_population.js";

const OUTPUTS = ["pairs.csv", "pairs.json", "unmatched.csv", "excluded.csv", "report.md", "report.html"];

interface PairsJson {
  readonly groups: readonly { mentor: { id: string }; mentees: readonly { id: string }[] }[];
  readonly unmatched: readonly { id: string; closest: readonly { id: string }[] }[];
  readonly idleMentors: readonly { id: string }[];
  readonly excluded: readonly { id: string; role: string; reason: string }[];
}

/** The participant ids that fill a whole cell of a CSV output. */
function idsIn(csv: string, ids: ReadonlySet<string>): string[] {
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(csv, { file: "output.csv" });
  } catch (error) {
    if ((error as { code?: string }).code === "HEADER_ONLY") return [];
    throw error;
  }
  const found = new Set<string>();
  for (const row of table.rows) for (const cell of row.cells) if (ids.has(cell)) found.add(cell);
  return [...found].sort();
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string | undefined, b: string | undefined): string {
  const x = (a ?? "").split("\n");
  const y = (b ?? "").split("\n");
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    if (x[k] !== y[k]) return `line ${k + 1}:\n  ${x[k]}\n  ${y[k]}`;
  }
  return "";
}

const EXCLUDED_TITLE = "(Исключённые участники|Excluded participants)";
const WARNINGS_TITLE = "(Предупреждения при чтении анкет|Warnings while reading the questionnaires)";

/** A report without one of its sections (found by its title). */
function withoutSection(report: string, kind: "md" | "html", titles: string): string {
  const title = kind === "md" ? new RegExp(`\n## ${titles}[^\n]*\n`) : new RegExp(`<h2>${titles}`);
  const start = report.search(title);
  if (start === -1) return report;
  const rest = report.slice(start + 1);
  const next = kind === "md" ? rest.search(/\n## /) : rest.search(/<h2>/);
  return report.slice(0, start) + (next === -1 ? "" : rest.slice(next));
}

/** The report without its section listing the excluded (which names them by code, by design). */
function withoutExcludedSection(report: string, kind: "md" | "html"): string {
  return withoutSection(report, kind, EXCLUDED_TITLE);
}

/**
 * The warnings of a Markdown report as a sorted list with row numbers masked: the rows a warning names
 * change with the row order, what it says does not.
 */
function warningsOf(report: string): string[] {
  const start = report.search(new RegExp(`\\n## ${WARNINGS_TITLE}`));
  if (start === -1) return [];
  const rest = report.slice(start + 1);
  const end = rest.slice(3).search(/\n## /);
  const section = end === -1 ? rest : rest.slice(0, end + 3);
  return section
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.replace(/(строк[аеи]|rows?) \d+/g, "$1 #").replace(/№ \d+|entry \d+/g, "#"))
    .sort();
}

/** Matches `id` as a whole code, not inside a longer one. */
function codePattern(id: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${id}(?![\\p{L}\\p{N}_-])`, "u");
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, k) => ({ item, key: keys[k % Math.max(1, keys.length)]! * 1000 + k }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

async function runMatch(
  mentors: readonly Person[],
  mentees: readonly Person[],
  strategy: string,
  seed: number,
) {
  return runInTemp({ "mentors.csv": toCsv(mentors, "mentor"), "mentees.csv": toCsv(mentees, "mentee") }, [
    "match",
    "--mentors",
    "mentors.csv",
    "--mentees",
    "mentees.csv",
    "--form",
    "student-student",
    "--strategy",
    strategy,
    "--seed",
    String(seed),
    "--out",
    "out",
  ]);
}

const STRATEGY = fc.constantFrom("stable", "optimal", "fair", "greedy", "random");

describe("a run of mentor-match match", () => {
  it("puts every participant in exactly one of pairs / unmatched / excluded, and the files agree", async () => {
    await fc.assert(
      fc.asyncProperty(population(), STRATEGY, fc.nat(1000), async ({ mentors, mentees }, strategy, seed) => {
        const run = await runMatch(mentors, mentees, strategy, seed);
        expect(run.code, run.stderr).toBe(0);
        const json = JSON.parse(run.outputs["pairs.json"]!) as PairsJson;
        const sorted = (xs: readonly string[]) => [...xs].sort();
        const byRole = (role: string) => json.excluded.filter((e) => e.role === role).map((e) => e.id);
        // Mentees: paired, unmatched or excluded; mentors: with mentees, idle or excluded — exactly one.
        const pairedMentees = json.groups.flatMap((g) => g.mentees.map((m) => m.id));
        const unmatched = json.unmatched.map((u) => u.id);
        expect(sorted([...pairedMentees, ...unmatched, ...byRole("mentee")])).toEqual(
          sorted(mentees.map((p) => p.id)),
        );
        const busyMentors = json.groups.map((g) => g.mentor.id);
        const idle = json.idleMentors.map((m) => m.id);
        expect(sorted([...busyMentors, ...idle, ...byRole("mentor")])).toEqual(
          sorted(mentors.map((p) => p.id)),
        );
        // The CSV files say the same as pairs.json.
        const ids = new Set([...mentors, ...mentees].map((p) => p.id));
        expect(idsIn(run.outputs["pairs.csv"]!, ids)).toEqual(sorted([...busyMentors, ...pairedMentees]));
        expect(idsIn(run.outputs["unmatched.csv"]!, ids)).toEqual(sorted([...unmatched, ...idle]));
        expect(idsIn(run.outputs["excluded.csv"]!, ids)).toEqual(sorted(json.excluded.map((e) => e.id)));
      }),
      { numRuns: fuzzRuns(8) },
    );
  });

  it("leaves everyone without valid consent out of pairs and reports, and never writes their names", async () => {
    await fc.assert(
      fc.asyncProperty(population(), STRATEGY, async ({ mentors, mentees }, strategy) => {
        const run = await runMatch(mentors, mentees, strategy, 1);
        expect(run.code, run.stderr).toBe(0);
        const json = JSON.parse(run.outputs["pairs.json"]!) as PairsJson;
        const excluded = new Set(json.excluded.map((e) => e.id));
        const { excluded: _listed, ...jsonWithoutExcluded } = json;
        const places: Record<string, string> = {
          "pairs.csv": run.outputs["pairs.csv"]!,
          "unmatched.csv": run.outputs["unmatched.csv"]!,
          "pairs.json (pairs and unmatched)": JSON.stringify(jsonWithoutExcluded),
          "report.md (outside the list of the excluded)": withoutExcludedSection(
            run.outputs["report.md"]!,
            "md",
          ),
          "report.html (outside the list of the excluded)": withoutExcludedSection(
            run.outputs["report.html"]!,
            "html",
          ),
        };
        const everything = [...OUTPUTS.map((f) => run.outputs[f]!), run.stdout, run.stderr].join("\n");
        for (const p of [...mentors, ...mentees]) {
          if (hasValidConsent(p)) continue;
          expect(excluded.has(p.id), `${p.id} is excluded`).toBe(true);
          for (const [where, text] of Object.entries(places)) {
            expect(codePattern(p.id).test(text), `${p.id} in ${where}`).toBe(false);
          }
          expect(everything).not.toContain(p.name.split(" ")[0]!);
          expect(everything).not.toContain(p.email);
        }
      }),
      { numRuns: fuzzRuns(8) },
    );
  });

  it("gives byte-identical outputs for the same input in another row order, without the day of the run", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [y, m, d] = today.split("-");
    await fc.assert(
      fc.asyncProperty(
        population(8, 16),
        STRATEGY,
        fc.nat(1000),
        fc.array(fc.nat(1000), { minLength: 24, maxLength: 24 }),
        async ({ mentors, mentees }, strategy, seed, keys) => {
          const a = await runMatch(mentors, mentees, strategy, seed);
          const b = await runMatch(
            shuffled(mentors, keys),
            shuffled(mentees, [...keys].reverse()),
            strategy,
            seed,
          );
          expect(a.code, a.stderr).toBe(0);
          expect(b.code, b.stderr).toBe(0);
          const comparable = (run: typeof a, file: string): string => {
            const text = run.outputs[file] ?? "";
            if (file === "report.md") return withoutSection(text, "md", WARNINGS_TITLE);
            if (file === "report.html") return withoutSection(text, "html", WARNINGS_TITLE);
            return text;
          };
          expect(warningsOf(b.outputs["report.md"]!)).toEqual(warningsOf(a.outputs["report.md"]!));
          for (const file of OUTPUTS) {
            expect(firstDifference(comparable(a, file), comparable(b, file)), file).toBe("");
            expect(a.outputs[file], `${file} carries today's date`).not.toContain(today);
            expect(a.outputs[file], `${file} carries today's date`).not.toContain(`${d}.${m}.${y}`);
          }
        },
      ),
      { numRuns: fuzzRuns(6) },
    );
  });
});
