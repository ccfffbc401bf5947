/** The command line in-process (same `runCli` as the executable): help, usage errors, languages. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Language } from "mentor-match";
import { describe, expect, it } from "vitest";
import { ROOT } from "./_built.js";
import { runInProcess } from "./_run.js";

const cwd = join(ROOT, "fixtures/csv");

describe("help", () => {
  it("--help on every command exits 0, in the language of LANG or --lang", async () => {
    for (const cmd of [[], ["init"], ["validate"], ["match"], ["demo"]]) {
      const run = await runInProcess([...cmd, "--help"], cwd, { LANG: "en_US.UTF-8" });
      expect(run.code, cmd.join(" ")).toBe(0);
      expect(run.stdout).toContain("Usage: mentor-match");
    }
    expect((await runInProcess(["match", "--help"], cwd)).stdout).toContain("подобрать пары");
    expect((await runInProcess(["match", "--help", "--lang", "en"], cwd)).stdout).toContain(
      "--strategy <name>",
    );
  });
});

describe("usage errors exit 1", () => {
  it.each([
    [[]],
    [["frobnicate"]],
    [["match", "--strategy", "best", "--form", "student-student", "--input", "x.csv"]],
    [["match", "--seed", "abc", "--form", "student-student", "--input", "x.csv"]],
    [["match", "--delimiter", "|", "--form", "student-student", "--input", "x.csv"]],
    [["match", "--config", "a.json", "--form", "student-student", "--input", "x.csv"]],
    [["init", "--mentors", "google/mentors.csv"]],
  ])("%j", async (args) => {
    expect((await runInProcess(args, cwd)).code).toBe(1);
  });
  it("answers in Russian when the run is in Russian, help and usage errors alike", async () => {
    const help = await runInProcess(["demo", "--help"], cwd);
    expect(help.stdout).toMatch(/^Использование: mentor-match demo/);
    expect(help.stdout).toContain("Параметры:");
    expect(help.stdout).toContain("(по умолчанию: mentor-match-demo)");
    expect(help.stdout).not.toMatch(/Usage:|Options:|choices:|default:/);
    const wrong = await runInProcess(["match", "--strategy", "best", "--form", "student-student"], cwd);
    expect(wrong.stderr).toMatch(
      /^Ошибка: у параметра «--strategy <name>» недопустимое значение «best»\. Допустимые значения: stable, /,
    );
    const typo = await runInProcess(["matc"], cwd);
    expect(typo.stderr).toMatch(/^Ошибка: неизвестная команда «matc»\. Может быть, match\?/);
  });
  it("says which inputs are missing", async () => {
    const none = await runInProcess(["match", "--form", "student-student"], cwd);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      "Укажите файлы анкет: --mentors и --mentees, или один файл с колонкой роли: --input.\n",
    );
    const noProgram = await runInProcess(["match", "--input", "one-file/participants.csv"], cwd, {
      LANG: "en_GB.UTF-8",
    });
    expect(noProgram.code).toBe(1);
    expect(noProgram.stderr).toBe("Give --config (a program config) or --form (a form of mentoring).\n");
  });
});

describe("a broken program config exits 2 naming the file", () => {
  it("invalid JSON", async () => {
    const run = await runInProcess(
      ["validate", "--input", "one-file/participants.csv", "--config", "broken/empty.csv", "--lang", "en"],
      cwd,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^\[INVALID_PROGRAM\] broken\/empty\.csv: The program config is not valid JSON/m,
    );
  });
});

describe("the language of the messages", () => {
  /** The language `match` without a config answers in: its usage message is in Russian or English. */
  async function langOf(args: readonly string[], env: Record<string, string>): Promise<Language> {
    const run = await runInProcess(["match", ...args], cwd, env);
    expect(run.code).toBe(1);
    if (run.stderr.includes("Give --config")) return "en";
    expect(run.stderr).toContain("Укажите --config");
    return "ru";
  }
  it("takes --lang, then the locale, then Russian", async () => {
    expect(await langOf(["--lang", "en"], { LANG: "ru_RU.UTF-8" })).toBe("en");
    expect(await langOf([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(await langOf([], { LC_ALL: "en_US.UTF-8", LANG: "ru_RU" })).toBe("en");
    expect(await langOf([], { LANG: "de_DE.UTF-8" })).toBe("ru");
    expect(await langOf([], { LANG: "" })).toBe("ru");
  });
});

describe("compare", () => {
  it("compares strategies on questionnaires", async () => {
    const run = await runInProcess(
      [
        "compare",
        "--input",
        "one-file/participants.csv",
        "--config",
        "program.json",
        "--strategies",
        "stable,optimal",
        "--lang",
        "en",
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Strategies compared");
    expect(lines.some((l) => /^stable\s+\d/.test(l))).toBe(true);
    expect(lines.some((l) => /^optimal\s+\d/.test(l))).toBe(true);
  });
  it("compares strategies on generated participants, and refuses an unknown strategy", async () => {
    const run = await runInProcess(
      [
        "compare",
        "--form",
        "student-student",
        "--generate",
        "8:20",
        "--instances",
        "2",
        "--strategies",
        "stable,greedy",
        "--markdown",
        "--lang",
        "en",
      ],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 instances");
    expect(run.stdout).toMatch(/^\| greedy \|/m);
    expect(
      (
        await runInProcess(
          ["compare", "--form", "student-student", "--generate", "8:20", "--strategies", "best"],
          cwd,
        )
      ).code,
    ).toBe(1);
    expect(
      (await runInProcess(["compare", "--form", "student-student", "--generate", "8-20"], cwd)).code,
    ).toBe(1);
  });
});

describe("a program config with an unknown criterion", () => {
  it("exits 2 with the config's file and key, in Russian words from the error catalog", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-config-"));
    const config = JSON.parse(readFileSync(join(cwd, "program.json"), "utf8"));
    config.criteria.push({ kind: "telepathy", weight: 1 });
    writeFileSync(join(dir, "bad.json"), JSON.stringify(config));
    const run = await runInProcess(
      ["validate", "--input", join(cwd, "one-file/participants.csv"), "--config", "bad.json"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(
      /^\[UNKNOWN_CRITERION\] bad\.json, поле «criteria\[6\]\.kind»: Неизвестный критерий: /,
    );
  });
});
