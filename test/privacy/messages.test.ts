/**
 * Error messages and logs name files, rows and columns, never people: every bad survey export of the
 * corpus (whose rows hold distinctive names) goes through `mentor-match validate` and `match`, and no name
 * appears on stdout or stderr. The same for a survey export given by mistake as the program config.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BAD_DIR, CORPUS_NAMES, type ReadInput } from "../bad/_corpus.js";
import { runInTemp } from "../invariants/_cli.js";

interface Case {
  readonly name: string;
  readonly input: ReadInput | { readonly stage: string };
}

const cases = (JSON.parse(readFileSync(`${BAD_DIR}cases.json`, "utf8")) as Case[]).filter(
  (c): c is Case & { input: ReadInput } => c.input.stage === "read",
);

function bytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${BAD_DIR}${path}`));
}

function expectNoNames(text: string): void {
  for (const name of CORPUS_NAMES) expect(text).not.toContain(name);
}

describe("messages name rows and columns, not people", () => {
  describe.each(cases)("$name", (c) => {
    const files: Record<string, Uint8Array> = { "bad.csv": bytes(c.input.file) };
    let inputs: string[];
    if (c.input.role === undefined) inputs = ["--input", "bad.csv"];
    else if (c.input.role === "mentor") {
      files["mentees.csv"] = bytes("good/mentees.csv");
      inputs = ["--mentors", "bad.csv", "--mentees", "mentees.csv"];
    } else {
      files["mentors.csv"] = bytes("good/mentors.csv");
      inputs = ["--mentors", "mentors.csv", "--mentees", "bad.csv"];
    }
    it.each(["ru", "en"])("validate and match in %s", async (language) => {
      for (const command of ["validate", "match"]) {
        const out = command === "match" ? ["--out", "out"] : [];
        const run = await runInTemp(files, [
          command,
          ...inputs,
          "--form",
          "student-student",
          "--lang",
          language,
          ...out,
        ]);
        expect([0, 2], run.stderr).toContain(run.code);
        expectNoNames(run.stdout);
        expectNoNames(run.stderr);
        if (run.code === 2) expect(run.stderr).toMatch(/bad\.csv|mentors\.csv|mentees\.csv/);
      }
    });
  });

  it("a survey export given as the program config is refused without quoting it", async () => {
    const run = await runInTemp(
      {
        "config.json": bytes("programs/csv-given-as-config.json"),
        "mentors.csv": bytes("good/mentors.csv"),
        "mentees.csv": bytes("good/mentees.csv"),
      },
      [
        "validate",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--config",
        "config.json",
        "--lang",
        "en",
      ],
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("config.json");
    expectNoNames(run.stdout);
    expectNoNames(run.stderr);
  });
});
