/**
 * The worked example of docs/research.md: every strategy on 100 generated school-sized instances.
 *
 * Each instance: 60 mentees, 30 mentors taking 1–3 mentees each (about 60 seats), attribute-based
 * scores. Mentees and mentors are points in a 4-dimensional space of interests; a mentee scores a mentor
 * by 0.8 × similarity + 0.2 × the mentor's experience; a mentor ranks mentees by 0.8 × similarity + 0.2 × the
 * mentee's motivation (its own ranked list, so the two sides disagree as real ones do). One pair in ten
 * is not allowed (a schedule clash). Tags: "ovz" (special needs, 10 %) and "gifted" (15 %).
 *
 * Deterministic: a fixed seed, integer arithmetic in the generator. Run: `npm run research:example`
 * (add `-- --markdown` for the Markdown table, `-- --write` to paste it into docs/research.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  allStableMatchings,
  compareStrategies,
  formatComparison,
  type MatchingInstance,
} from "../src/index.js";

const SEED = 20261122;
const INSTANCES = 100;
const MENTEES = 60;
const MENTORS = 30;
const DIMS = 4;

/** mulberry32: a small seeded generator (for this script's data only). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(rand: () => number): MatchingInstance {
  const point = () => Array.from({ length: DIMS }, () => rand());
  const mentees = Array.from({ length: MENTEES }, () => ({ at: point(), motivation: rand() }));
  const mentors = Array.from({ length: MENTORS }, () => ({
    at: point(),
    experience: rand(),
    capacity: 1 + Math.floor(rand() * 3),
  }));
  // Similarity over a range of the dimensions: mentees look at dimensions 0–1 (shared interests),
  // mentors at 2–3 (what the mentee needs against what the mentor can teach).
  const similarity = (a: number[], b: number[], from: number, to: number) => {
    let sq = 0;
    for (let k = from; k < to; k++) sq += (a[k]! - b[k]!) ** 2;
    return 1 - Math.sqrt(sq / (to - from));
  };
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const scores = mentees.map((e) =>
    mentors.map((r) =>
      rand() < 0.1
        ? Number.NEGATIVE_INFINITY
        : round(0.8 * similarity(e.at, r.at, 0, 2) + 0.2 * r.experience),
    ),
  );
  const mentorPreferences = mentors.map((r) =>
    mentees
      .map((e, i) => ({ i, v: 0.8 * similarity(e.at, r.at, 2, 4) + 0.2 * e.motivation }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .map((x) => x.i),
  );
  const menteeTags = mentees.map(() => {
    const x = rand();
    return x < 0.1 ? ["ovz"] : x < 0.25 ? ["gifted"] : [];
  });
  return { scores, capacities: mentors.map((r) => r.capacity), mentorPreferences, menteeTags };
}

/**
 * Runs the comparison and returns what the script prints. Deterministic.
 *
 * @param format - `text` for a terminal, `markdown` for docs/research.md.
 * @returns the tables and the line on lattice sizes.
 */
export function researchExample(format: "text" | "markdown"): string {
  const rand = seeded(SEED);
  const instances = Array.from({ length: INSTANCES }, () => generate(rand));
  const table = compareStrategies(
    instances,
    ["stable", "stable-mentor", "egalitarian", "minimum-regret", "optimal", "fair", "greedy", "random"],
    { seeds: [1, 2, 3] },
  );
  // How rich are the lattices? (the number of stable matchings, up to 10,000 per instance)
  const lattices = instances.map((inst) => allStableMatchings(inst, { limit: 10_000 }));
  const sizes = lattices.map((c) => c.matchings.length).sort((a, b) => a - b);
  const rotations = lattices.map((c) => c.rotations.length);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const capped = lattices.some((c) => !c.complete) ? " (some capped at 10,000)" : "";
  const meanRotations = (rotations.reduce((a, b) => a + b, 0) / rotations.length).toFixed(1);
  const several = sizes.filter((s) => s > 1).length;
  return [
    formatComparison(table, { format }),
    "",
    `Stable matchings per instance: median ${median}, min ${sizes[0]}, max ${sizes[sizes.length - 1]}${capped}; ` +
      `rotations per instance: mean ${meanRotations}; instances with more than one stable matching: ${several} of ${INSTANCES}.`,
  ].join("\n");
}

/** docs/research.md holds the Markdown output between these two lines. */
export const PASTE_START = "Its output, pasted verbatim:";
export const PASTE_END = "How to read it:";

/** Replaces the pasted output in docs/research.md by a fresh run. */
function writeDoc(): void {
  const path = new URL("../docs/research.md", import.meta.url);
  const doc = readFileSync(path, "utf8");
  const start = doc.indexOf(PASTE_START) + PASTE_START.length;
  const end = doc.indexOf(PASTE_END);
  if (start < PASTE_START.length || end < start) throw new Error("docs/research.md lost its paste markers.");
  writeFileSync(path, `${doc.slice(0, start)}\n\n${researchExample("markdown")}\n\n${doc.slice(end)}`);
  console.log("wrote docs/research.md");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--write")) writeDoc();
  else console.log(researchExample(process.argv.includes("--markdown") ? "markdown" : "text"));
}
