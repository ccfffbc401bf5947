/**
 * Scoring benchmark: the student–student preset, 2,000 mentors × 10,000 mentees (target ≤ 3 s and ≤ 1 GB
 * peak), participants from the seeded generator. Run: `npm run bench -- --only scoring`.
 */
import { compileProgram, generateParticipants, presets, scoreParticipants } from "../src/index.js";
import { BENCHMARK_SEED, type BenchRow, emit, peakRssMB, QUICK, timeIt } from "./_lib.js";

const gc = (globalThis as { gc?: () => void }).gc;
const rows: BenchRow[] = [];
const sizes = QUICK
  ? [{ mentors: 200, mentees: 1_000 }]
  : [
      { mentors: 200, mentees: 1_000 },
      { mentors: 2_000, mentees: 10_000 },
    ];
const program = presets["student-student"];

for (const size of sizes) {
  const people = generateParticipants(program, { ...size, seed: BENCHMARK_SEED });
  const compiled = compileProgram(program);
  const label = `${size.mentors} mentors × ${size.mentees} mentees (student-student)`;
  const big = size.mentors * size.mentees >= 20_000_000;
  let pairs = 0;
  const cpu: number[] = [];
  gc?.();
  const full = timeIt(
    () => {
      const before = process.cpuUsage();
      const s = scoreParticipants(compiled, people, { referenceDate: "2025-09-01" });
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      pairs = s.rows * s.cols;
      return s;
    },
    { warmup: 1, reps: 3 },
  );
  const cpuMedian = cpu.slice(1).sort((a, b) => a - b)[1] ?? cpu[0]!;
  const peak = peakRssMB();
  rows.push({
    case: label,
    impl: "scoreParticipants (validate + score + instance)",
    ms: full.median,
    peakMB: peak,
    ...(big ? { target: "≤ 3000 ms, ≤ 1024 MB", pass: full.median <= 3000 && peak <= 1024 } : {}),
    note: `${pairs} pairs, ${((full.median * 1e6) / pairs).toFixed(1)} ns per pair; CPU time ${cpuMedian.toFixed(0)} ms`,
  });
  // A floor measured in the same run: ten multiply-adds per cell over a matrix of the same size, row by row.
  const cells = size.mentors * size.mentees;
  const floor = timeIt(
    () => {
      const out = new Float64Array(cells);
      const row = new Float64Array(size.mentors).fill(0.5);
      for (let i = 0; i < size.mentees; i++) {
        const base = i * size.mentors;
        for (let k = 0; k < 10; k++) for (let j = 0; j < size.mentors; j++) out[base + j]! += 0.1 * row[j]!;
      }
      return out;
    },
    { warmup: 1, reps: 3 },
  );
  rows.push({
    case: label,
    impl: "reference floor: 10 multiply-adds per cell",
    ms: floor.median,
    ratio: full.median / floor.median,
    note: "ratio = scoreParticipants ÷ this floor; shows how loaded the machine was",
  });
  gc?.();
  const fast = timeIt(
    () => scoreParticipants(compiled, people, { referenceDate: "2025-09-01", validate: false }),
    {
      warmup: 1,
      reps: 3,
    },
  );
  rows.push({
    case: label,
    impl: "scoreParticipants, validate: false",
    ms: fast.median,
    peakMB: peakRssMB(),
  });
  gc?.();
}

emit("scoring", rows, [
  `Seed ${BENCHMARK_SEED}; participants generated before timing by generateParticipants; the program compiled once.`,
  "Peak memory is the process's resident-set high-water mark (data, generator and all runs included).",
]);
