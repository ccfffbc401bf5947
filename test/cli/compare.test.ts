/** `compare --json`, and the progress of `match` and `compare` on a terminal (in-process runs). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { compareStrategies, generateParticipants, preset, scoreParticipants } from "mentor-match";
import { ROOT } from "./_built.js";
import { runInProcess } from "./_run.js";

const cwd = join(ROOT, "fixtures/csv");

async function onTerminal(
  args: readonly string[],
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
    cwd,
    stderrIsTTY: true,
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
      "programme.json",
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
