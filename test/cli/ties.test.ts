/**
 * The seed decides tie-breaks where ties exist (issue 11, item 5): the README's
 * `match --strategy stable --seed 1` gives other pairs than `--seed 2` when scores are equal, and
 * `--ties index` gives the same pairs whatever the seed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { match } from "mentor-match";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./_run.js";

const demo = resolve("fixtures/demo");
const header = (file: string): string => readFileSync(join(demo, file), "utf8").split("\r\n")[0]!;

/** Three mentors and three mentees who answer alike: every pair scores the same. */
function alike(dir: string): { mentors: string; mentees: string } {
  const mentor = (k: number) =>
    `01.09.2025 14:00:00,M0${k},Наставник ${k},m${k}@school.ru,9А,Наука,Химия,Учёба,Онлайн,Пн день,Индивидуально,3,1,Да,Да,,`;
  const mentee = (k: number) =>
    `03.09.2025 14:00:00,S0${k},Ученик ${k},s${k}@school.ru,5А,Наука,Химия,Учёба,Онлайн,Пн день,Индивидуально,3,,Да,да,,`;
  const mentors = join(dir, "mentors.csv");
  const mentees = join(dir, "mentees.csv");
  writeFileSync(mentors, `${[header("mentors.csv"), ...[1, 2, 3].map(mentor)].join("\r\n")}\r\n`);
  writeFileSync(mentees, `${[header("mentees.csv"), ...[1, 2, 3].map(mentee)].join("\r\n")}\r\n`);
  return { mentors, mentees };
}

async function pairsOf(
  extra: readonly string[],
  configTies?: "index" | "seeded",
): Promise<{ groups: string; tieBreak: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), "mm-ties-"));
  const { mentors, mentees } = alike(dir);
  const out = join(dir, "out");
  let config = join(demo, "program.json");
  if (configTies !== undefined) {
    config = join(dir, "program.json");
    const program = JSON.parse(readFileSync(join(demo, "program.json"), "utf8"));
    writeFileSync(config, JSON.stringify({ ...program, ties: configTies }));
  }
  const run = await runInProcess(
    ["match", "--mentors", mentors, "--mentees", mentees, "--config", config].concat(
      ["--strategy", "stable", "--out", out],
      extra,
    ),
    dir,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const json = JSON.parse(readFileSync(join(out, "pairs.json"), "utf8"));
  return { groups: JSON.stringify(json.groups), tieBreak: json.tieBreak };
}

describe("match --seed on equal scores", () => {
  it("different seeds give different tie-breaks; --ties index gives one answer whatever the seed", async () => {
    const one = await pairsOf(["--seed", "1"]);
    const two = await pairsOf(["--seed", "2"]);
    expect(one.tieBreak).toEqual({ policy: "seeded", seed: 1 });
    expect(two.tieBreak).toEqual({ policy: "seeded", seed: 2 });
    expect(one.groups).not.toBe(two.groups);
    const index1 = await pairsOf(["--seed", "1", "--ties", "index"]);
    const index2 = await pairsOf(["--seed", "2", "--ties", "index"]);
    expect(index1.tieBreak).toEqual({ policy: "index" });
    expect(index1.groups).toBe(index2.groups);
    // The same seed gives the same pairs.
    expect((await pairsOf(["--seed", "1"])).groups).toBe(one.groups);
  });

  it("the tie policy: --ties, else the config, else seeded when a seed is given to a strategy that ties", async () => {
    const policy = async (extra: readonly string[], configTies?: "index" | "seeded") =>
      ((await pairsOf(extra, configTies)).tieBreak as { policy?: string } | undefined)?.policy ?? "index";
    expect(await policy(["--ties", "index", "--seed", "1"], "seeded")).toBe("index");
    expect(await policy(["--seed", "1"], "index")).toBe("index");
    expect(await policy([], "seeded")).toBe("seeded");
    expect(await policy(["--seed", "1", "--strategy", "greedy"])).toBe("seeded");
    expect(await policy(["--seed", "1", "--strategy", "optimal"])).toBe("index");
    expect(await policy([])).toBe("index");
  });
});

describe("one home for the seed", () => {
  const inst = {
    scores: [
      [1, 1],
      [1, 1],
    ],
  };
  it("match refuses a seed given as an option, naming it, instead of ignoring it", () => {
    expect(() => match(inst, { strategy: "random", seed: 1.5 } as never)).toThrow(
      /no option "seed".*got 1\.5/,
    );
  });
  it("a seed that is not a whole number is an error naming the value", () => {
    expect(() => match({ ...inst, seed: 1.5 }, { strategy: "random" })).toThrow(/got 1\.5/);
  });
  it("seeded ties for a strategy that breaks ties by index are refused, not ignored", () => {
    expect(() => match(inst, { strategy: "optimal", ties: "seeded" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(match({ ...inst, seed: 3 }, { strategy: "greedy", ties: "seeded" }).tieBreak).toEqual({
      policy: "seeded",
      seed: 3,
    });
  });
});

describe("rematch follows the same tie policy", () => {
  /** Six mentors and six mentees who answer alike; `mentees` of them in the file. */
  function alikeMany(dir: string, mentees: number): { mentors: string; mentees: string } {
    const mentor = (k: number) =>
      `01.09.2025 14:00:00,M0${k},Наставник ${k},m${k}@school.ru,9А,Наука,Химия,Учёба,Онлайн,Пн день,Индивидуально,3,1,Да,Да,,`;
    const mentee = (k: number) =>
      `03.09.2025 14:00:00,S0${k},Ученик ${k},s${k}@school.ru,5А,Наука,Химия,Учёба,Онлайн,Пн день,Индивидуально,3,,Да,да,,`;
    const ks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const files = {
      mentors: join(dir, `mentors-${mentees}.csv`),
      mentees: join(dir, `mentees-${mentees}.csv`),
    };
    writeFileSync(files.mentors, `${[header("mentors.csv"), ...ks(6).map(mentor)].join("\r\n")}\r\n`);
    writeFileSync(files.mentees, `${[header("mentees.csv"), ...ks(mentees).map(mentee)].join("\r\n")}\r\n`);
    return files;
  }

  /** September: one mentee; November: five late joiners placed over the five free, equal mentors. */
  async function november(extra: readonly string[]): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), "mm-ties-rematch-"));
    const config = join(demo, "program.json");
    const sep = alikeMany(dir, 1);
    const first = await runInProcess(
      ["match", "--mentors", sep.mentors, "--mentees", sep.mentees, "--config", config, "--out", "sep"],
      dir,
    );
    expect(first.code).toBe(0);
    const nov = alikeMany(dir, 6);
    const run = await runInProcess(
      [
        "rematch",
        "--previous",
        "sep",
        "--mentors",
        nov.mentors,
        "--mentees",
        nov.mentees,
        "--config",
        config,
      ].concat(["--strategy", "stable", "--out", "nov"], extra),
      dir,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.stringify(JSON.parse(readFileSync(join(dir, "nov", "pairs.json"), "utf8")).groups);
  }

  it("--seed gives seeded tie-breaks over the free seats, --ties index one answer whatever the seed", async () => {
    const seeded = await Promise.all([1, 2, 3].map((s) => november(["--seed", String(s)])));
    expect(new Set(seeded).size).toBeGreaterThan(1);
    expect(await november(["--seed", "1"])).toBe(seeded[0]);
    const index = await Promise.all([1, 2, 3].map((s) => november(["--seed", String(s), "--ties", "index"])));
    expect(new Set(index).size).toBe(1);
  });
});
