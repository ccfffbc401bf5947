/**
 * A real kill test of the crash-safe outputs: the built CLI runs `match` as a child process and is killed
 * (SIGKILL, SIGTERM, SIGINT) at each step of its write phase, then the output folder is checked: after
 * each kill and after the next run, `--out` holds exactly the old set or exactly the new set of outputs,
 * never a mix or a partial file, and nothing with personal data is left once the next run has started.
 *
 * The child is stepped through the write phase by the test hook MENTOR_MATCH_WRITE_STEPS (see
 * src/cli/_internal/writeOutputs.ts): it stops before each step until the test allows it on. The runs are
 * chained: each killed run's successor is checked at its first step (after its recovery), then killed in
 * turn. With MENTOR_MATCH_FUZZ_RUNS=N, N more kills land at random steps and random moments within a step.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt, ROOT } from "./_built.js";
import { runInProcess } from "./_run.js";

const work = mkdtempSync(join(tmpdir(), "mm-kill-"));
const out = join(work, "out");
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 180_000);

const demo = join(ROOT, "fixtures/demo");

type Snapshot = Record<string, string>;

/** The visible outputs of the folder (hidden entries are the writer's own). */
function outputs(): Snapshot {
  const s: Snapshot = {};
  for (const name of readdirSync(out).sort()) {
    if (!name.startsWith(".")) s[name] = readFileSync(join(out, name), "utf8");
  }
  return s;
}
function hidden(): string[] {
  return readdirSync(out).filter((n) => n.startsWith("."));
}
function staged(): Snapshot {
  const dir = hidden().find((n) => n.startsWith(".mentor-match-staging-"));
  const s: Snapshot = {};
  if (dir === undefined) return s;
  for (const name of readdirSync(join(out, dir)).sort()) s[name] = readFileSync(join(out, dir, name), "utf8");
  return s;
}

interface Child {
  readonly proc: ChildProcess;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function args(seed: number): string[] {
  return [
    "match",
    ...["--mentors", join(demo, "mentors.csv"), "--mentees", join(demo, "mentees.csv")],
    ...["--config", join(demo, "program.json"), "--strategy", "random", "--seed", String(seed)],
    ...["--out", out, "--lang", "en"],
  ];
}

function start(seed: number, steps: string): Child {
  const proc = spawn(process.execPath, [CLI, ...args(seed)], {
    cwd: work,
    env: { PATH: process.env.PATH ?? "", MENTOR_MATCH_WRITE_STEPS: steps },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const child: Child = {
    proc,
    stderr: "",
    exited: new Promise((res) => proc.on("exit", (code, signal) => res({ code, signal }))),
  };
  proc.stderr!.on("data", (d) => {
    child.stderr += String(d);
  });
  return child;
}

async function waitForStep(child: Child, k: number): Promise<string | null> {
  const re = new RegExp(`\\[mentor-match write-step ${k} ([^\\]]+)\\]`);
  for (;;) {
    const m = re.exec(child.stderr);
    if (m !== null) return m[1]!;
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return null;
    await new Promise((r) => setTimeout(r, 2));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The numbered steps of a write of the demo's outputs: start, 6 staged, journal, committed, 6 placed, done. */
const STEPS = 16;
const COMMITTED = 8; // the step "committed": the journal is in place from here on

interface Kill {
  readonly step: number;
  readonly signal: NodeJS.Signals;
  /** Kill this long after letting the step go (a kill inside the step), instead of while it waits. */
  readonly within?: number;
}

/**
 * Runs a chain of kills. Before each: the folder holds `current` (a complete set). Each run is checked at
 * its first step (the previous run's leftovers handled), then stepped to its kill point and killed.
 */
async function chain(kills: readonly Kill[]): Promise<void> {
  let current = outputs();
  let seed = 100;
  let expectAfterRecovery: Snapshot | null = null;
  for (const kill of kills) {
    seed++;
    const steps = join(work, `steps-${seed}`);
    mkdirSync(steps);
    const child = start(seed, steps);
    let newSet: Snapshot | null = null;
    for (let k = 0; k <= kill.step; k++) {
      const name = await waitForStep(child, k);
      expect(name, `run ${seed} ended before step ${k}: ${child.stderr}`).not.toBeNull();
      if (k === 0) {
        // The previous run's leftovers are handled before this run writes anything.
        expect(hidden(), `leftovers after the recovery of run ${seed}`).toEqual([]);
        if (expectAfterRecovery !== null) {
          expect(outputs()).toEqual(expectAfterRecovery);
          current = expectAfterRecovery;
        }
        expect(outputs()).toEqual(current);
      }
      if (name === "journal written") {
        newSet = staged();
        const dir = hidden().find((n) => n.startsWith(".mentor-match-staging-"))!;
        expect(statSync(join(out, dir)).mode & 0o777).toBe(0o700);
        for (const f of Object.keys(newSet)) expect(statSync(join(out, dir, f)).mode & 0o777).toBe(0o600);
        expect(newSet).not.toEqual(current);
      }
      if (k < kill.step || kill.within !== undefined) writeFileSync(join(steps, `go-${k}`), "");
    }
    if (kill.within !== undefined) await sleep(kill.within);
    child.proc.kill(kill.signal);
    const { signal } = await child.exited;
    const after = outputs();
    const committed = kill.step >= COMMITTED;
    if (kill.signal === "SIGKILL") {
      // Exactly the old set, or (once committed) each file old or new, with the journal to finish it.
      if (!committed) expect(after).toEqual(current);
      else {
        const names = new Set([...Object.keys(after), ...Object.keys(newSet ?? {})]);
        for (const n of names) expect([current[n], newSet![n]]).toContain(after[n]);
        if (JSON.stringify(after) !== JSON.stringify(newSet))
          expect(hidden()).toContain(".mentor-match-commit.json");
      }
      expectAfterRecovery = committed ? newSet : current;
    } else {
      // A caught signal: the write is undone (before the commit point) or finished (after it), nothing left.
      expect(signal).toBe(kill.signal);
      expect(hidden()).toEqual([]);
      expect(after).toEqual(committed ? newSet : current);
      expect(child.stderr).toMatch(/Interrupted/);
      expectAfterRecovery = after;
      current = after;
    }
  }
  // A last, uninterrupted run (in this process): it handles the leftovers, says so, and writes its own set.
  const left = hidden().length > 0;
  const last = await runInProcess(args(seed + 1), work);
  expect(last.code, last.stderr).toBe(0);
  if (left) expect(last.stderr).toMatch(/interrupted run/);
  expect(hidden()).toEqual([]);
  expect(Object.keys(outputs()).sort()).toEqual(
    [
      "excluded.csv",
      "pairs.csv",
      "pairs.json",
      "pairs.xlsx",
      "report.html",
      "report.md",
      "unmatched.csv",
    ].sort(),
  );
  // No file with personal data anywhere but the outputs themselves (the steps folders hold empty markers).
  const files = readdirSync(work, { recursive: true, encoding: "utf8" }).filter(
    (p) => !p.startsWith("steps-") && p !== "out",
  );
  expect(files.sort()).toEqual(Object.keys(outputs()).map((n) => join("out", n)));
}

describe("crash-safe outputs under kill", () => {
  const fuzzRuns = Number(process.env.MENTOR_MATCH_FUZZ_RUNS ?? 0);

  it("a first run writes the old set", async () => {
    const first = await runInProcess(args(1), work);
    expect(first.code, first.stderr).toBe(0);
    expect(Object.keys(outputs())).toHaveLength(7);
  }, 60_000);

  it("SIGKILL and SIGTERM before, at and after the commit point: the old set or the new set, never a mix", async () => {
    // Staging, the journal written but not in place, half the files placed; caught signals on both sides.
    const kills: Kill[] = [
      { step: 2, signal: "SIGKILL" },
      { step: COMMITTED - 1, signal: "SIGKILL" },
      { step: COMMITTED + 3, signal: "SIGKILL" },
      { step: 4, signal: "SIGTERM" },
      { step: COMMITTED + 4, signal: "SIGTERM" },
    ];
    await chain(kills);
  }, 300_000);

  it.skipIf(!(fuzzRuns > 0))(
    "every step, each signal (MENTOR_MATCH_FUZZ_RUNS)",
    async () => {
      const kills: Kill[] = [];
      for (let step = 0; step < STEPS; step++) kills.push({ step, signal: "SIGKILL" });
      for (let step = 0; step < STEPS; step += 3) kills.push({ step, signal: "SIGTERM" });
      for (let step = 1; step < STEPS; step += 3) kills.push({ step, signal: "SIGINT" });
      await chain(kills);
    },
    1_200_000,
  );

  it.skipIf(!(fuzzRuns > 0))(
    `random kills (MENTOR_MATCH_FUZZ_RUNS=${fuzzRuns})`,
    async () => {
      const kills: Kill[] = [];
      let x = 12345;
      const rnd = (n: number) => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return x % n;
      };
      for (let r = 0; r < fuzzRuns; r++) {
        const signal = (["SIGKILL", "SIGKILL", "SIGTERM", "SIGINT"] as const)[rnd(4)]!;
        // A kill inside a step other than the one just before the commit point (whose outcome races).
        let step = 1 + rnd(STEPS - 2);
        if (step === COMMITTED - 1) step++;
        kills.push(rnd(2) === 0 ? { step, signal } : { step, signal, within: rnd(3) });
      }
      await chain(kills);
    },
    1_200_000,
  );
});
