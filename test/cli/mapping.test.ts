/**
 * The command line on issue 14's mapping failures, in-process: init's column report, the config checked
 * against the fields, the pre-flight that tells the truth, consent kept on file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "./_run.js";

const work = mkdtempSync(join(tmpdir(), "mm-mapping-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Adult teachers: no consent column, no experience column (issue 14, failures 4 and 5).
writeFileSync(
  join(work, "t-mentors.csv"),
  "Email,Name,Subject taught,Department\r\nann@s.example,Anna Smith,математика,Science\r\nbob@s.example,Bob Jones,физика,Science\r\ncat@s.example,Cat Brown,история,Humanities\r\n",
);
writeFileSync(
  join(work, "t-mentees.csv"),
  "Email,Name,Subject taught,Department\r\ndan@s.example,Dan White,математика,Science\r\neve@s.example,Eve Green,история,Humanities\r\nfay@s.example,Fay Black,физика,Science\r\n",
);
const teachers = ["--mentors", "t-mentors.csv", "--mentees", "t-mentees.csv"];

describe("init", () => {
  it("prints per column the field, its confidence and three samples, names masked; writes every column", async () => {
    const run = await runInProcess(
      [
        "init",
        "--form",
        "teacher-teacher",
        ...teachers,
        "--out",
        "t.json",
        "--consent-on-file",
        "папка у завуча",
      ],
      work,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("✓ «Name» → name  (95 %)  например: A… | B… | C…");
    expect(run.stdout).toContain("✓ «Email» → email  (95 %)  например: a…@… | b…@… | c…@…");
    expect(run.stdout).not.toContain("Anna");
    expect(run.stdout).toContain(
      "+ «Department» → q:department  (новый вопрос: один вариант, вес 0 — задайте вес)",
    );
    const config = JSON.parse(readFileSync(join(work, "t.json"), "utf8"));
    expect(config.consent).toEqual({ source: "on-file", note: "папка у завуча" });
    expect(config.columns).toEqual({
      Email: "email",
      Name: "name",
      "Subject taught": "q:subject",
      Department: "q:department",
    });
    expect(config.questions.at(-1)).toMatchObject({
      id: "department",
      kind: "single",
      options: ["Humanities", "Science"],
    });
    expect(config.criteria.at(-1)).toMatchObject({ kind: "categorical", question: "department", weight: 0 });
    expect(config.criteria.at(-1).comment).toContain('Proposed by init from column "Department"');
  });

  it("failure 4: validate names the rule whose field no column provides; match exits 2, not 0 with no pairs", async () => {
    const v = await runInProcess(["validate", ...teachers, "--config", "t.json", "--lang", "en"], work);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(
      '[MISSING_COLUMN] t.json, column "eligibility[0]": Rule mentorExperience needs each mentor\'s experienceYears, but no column of t-mentors.csv provides it: all 3 mentors would be excluded.',
    );
    expect(v.stderr).toContain("or remove the rule eligibility[0] (mentorExperience) from the config.");
    const m = await runInProcess(["match", ...teachers, "--config", "t.json", "--out", "t-out"], work);
    expect(m.code).toBe(2);
  });

  it("after the one edit (the rules removed), validate counts the data of every criterion and match writes the note", async () => {
    const config = JSON.parse(readFileSync(join(work, "t.json"), "utf8"));
    writeFileSync(join(work, "t2.json"), JSON.stringify({ ...config, eligibility: [] }));
    const v = await runInProcess(["validate", ...teachers, "--config", "t2.json", "--lang", "en"], work);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain("  · criterion subject: mentees 3 of 3, mentors 3 of 3");
    expect(v.stdout).toContain("  ! criterion competencies: mentees 0 of 3, mentors 0 of 3");
    const m = await runInProcess(["match", ...teachers, "--config", "t2.json", "--out", "t-out"], work);
    expect(m.code, m.stderr).toBe(0);
    expect(readFileSync(join(work, "t-out/report.md"), "utf8")).toContain("папка у завуча");
  });

  it("everyone excluded by a configuration mistake is exit 3 with the reason", async () => {
    const config = JSON.parse(readFileSync(join(work, "t.json"), "utf8"));
    // The rule reads a field that a column gives, but nobody passes it.
    writeFileSync(
      join(work, "t3.json"),
      JSON.stringify({
        ...config,
        eligibility: [config.eligibility[0]],
        columns: { ...config.columns, Department: "ignore" },
      }),
    );
    writeFileSync(
      join(work, "t3-mentors.csv"),
      "Email,Name,Стаж\r\nann@s.example,Anna Smith,1\r\nbob@s.example,Bob Jones,2\r\n",
    );
    const m = await runInProcess(
      [
        "match",
        "--mentors",
        "t3-mentors.csv",
        "--mentees",
        "t-mentees.csv",
        "--config",
        "t3.json",
        "--out",
        "t3-out",
        "--lang",
        "en",
      ],
      work,
    );
    expect(m.code).toBe(3);
    expect(m.stderr).toContain(
      "[NO_PAIRS] Every mentor (2) is excluded before matching (ineligible-role ×2).",
    );
  });
});

describe("failure 7: the config's columns are checked", () => {
  it("a typo is an error with the closest name, q:<unknown> a typed error, never INTERNAL", async () => {
    const config = JSON.parse(readFileSync(join(work, "t.json"), "utf8"));
    writeFileSync(
      join(work, "typo.json"),
      JSON.stringify({
        ...config,
        eligibility: [],
        columns: { ...config.columns, Name: "nmae", Department: "q:departmnet" },
      }),
    );
    const v = await runInProcess(["validate", ...teachers, "--config", "typo.json"], work);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(
      '[UNKNOWN_FIELD] typo.json, поле «columns["Name"]»: столбец сопоставлен с «nmae», а такого поля нет. Может быть, «name»?',
    );
    expect(v.stderr).toContain('[UNKNOWN_QUESTION] typo.json, поле «columns["Department"]»');
    expect(v.stderr).not.toContain("INTERNAL");
  });
});
