/**
 * The bad-input corpus (fixtures/bad/cases.json): every malformed input gets the typed error pinned for it
 * (code, file, row, column), warnings are pinned where the run must go on, and nothing the library says about
 * an input names a person.
 */
import {
  readCsv,
  isMentorMatchError,
  type MatchingInstance,
  type StrategyName,
  match,
  safeParseProgram,
  scoreParticipants,
} from "mentor-match";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInTemp } from "../invariants/_cli.js";
import {
  BAD_DIR,
  CORPUS_NAMES,
  decodeInstance,
  type MatchInput,
  type Pinned,
  type ReadInput,
  runRead,
} from "./_corpus.js";

interface ThrownExpectation extends Partial<Pinned> {
  readonly code: string;
  readonly class?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly hintMentions?: string;
}

interface Case {
  readonly name: string;
  readonly note: string;
  readonly input:
    | ReadInput
    | MatchInput
    | { readonly stage: "program"; readonly file: string }
    | {
        readonly stage: "cli";
        readonly files: Readonly<Record<string, string>>;
        readonly argv: readonly string[];
      }
    | { readonly stage: "generated"; readonly generator: string };
  readonly expected: {
    readonly ok?: true;
    readonly thrown?: ThrownExpectation;
    readonly errors?: readonly Pinned[];
    readonly warnings?: readonly Pinned[];
    readonly ids?: readonly string[];
    readonly records?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly exit?: number;
    readonly excluded?: Readonly<Record<string, string>>;
    readonly included?: readonly string[];
  };
}

const cases = JSON.parse(readFileSync(`${BAD_DIR}cases.json`, "utf8")) as Case[];

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectThrown(error: unknown, expected: ThrownExpectation): void {
  expect(isMentorMatchError(error), `not a typed error: ${String(error)}`).toBe(true);
  if (!isMentorMatchError(error)) return;
  expect(error.code).toBe(expected.code);
  if (expected.class !== undefined) expect(error.name).toBe(expected.class);
  if (expected.file !== undefined) expect(error.location?.file ?? null).toBe(expected.file);
  if (expected.row !== undefined) expect(error.location?.row ?? null).toBe(expected.row);
  if (expected.column !== undefined) expect(error.location?.column ?? null).toBe(expected.column);
  if (expected.details !== undefined) expect(error.details).toMatchObject(expected.details);
  if (expected.hintMentions !== undefined) expect(error.hint).toContain(expected.hintMentions);
}

/** The errors the command printed (English): `[CODE] file, row R, column "C": …` → code and place. */
function printedErrors(stderr: string): string[] {
  const out: string[] = [];
  for (const line of stderr.split("\n")) {
    const m = /^\[([A-Z_]+)\] (.*?): [A-Z]/.exec(line);
    if (m !== null) out.push(`[${m[1]}] ${m[2]}`);
  }
  return out.sort();
}

/** How the command prints a pinned error's code and place. */
function printedPlace(e: Pinned): string {
  const parts = [e.file ?? ""];
  if (e.row !== null) parts.push(`row ${e.row}`);
  if (e.column !== null) parts.push(`column "${e.column}"`);
  return `[${e.code}] ${parts.join(", ")}`;
}

function generated(generator: string): () => unknown {
  switch (generator) {
    case "huge-file":
      // One byte over the default limit of readCsv (50 MB): refused before decoding.
      return () => readCsv(new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61), { file: "huge.csv" });
    case "huge-dense-matrix": {
      // 20001 rows sharing one row array: cheap to build, over the dense limit of 4·10⁸ cells.
      const row = new Array<number>(20_001).fill(0);
      const scores = new Array<number[]>(20_001).fill(row);
      return () => match({ scores }, { strategy: "stable" });
    }
    case "huge-scoring": {
      // 10001 × 10001 pairs: refused before the score matrix (1.7 GB) is allocated.
      const person = (id: string, role: "mentor" | "mentee") =>
        ({ id, role, consent: true, age: 20, answers: {}, tags: [], preferences: [] }) as const;
      const people = [
        ...Array.from({ length: 10_001 }, (_, k) => person(`S${k}`, "mentee")),
        ...Array.from({ length: 10_001 }, (_, k) => person(`M${k}`, "mentor")),
      ];
      const program = { form: "student-student", questions: [], criteria: [{ kind: "preference" }] } as const;
      return () => scoreParticipants(program as never, people, { validate: false });
    }
    default:
      throw new Error(`unknown generator ${generator}`);
  }
}

describe("the bad-input corpus", () => {
  it("holds at least 40 malformed inputs, each with a note and a pinned answer", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.note, c.name).toMatch(/\S/);
      expect(Object.keys(c.expected).length, c.name).toBeGreaterThan(0);
    }
  });

  describe.each(cases.filter((c) => c.input.stage === "read"))("read $name", (c) => {
    const input = c.input as ReadInput;
    const observed = runRead(input);
    it("answers with the pinned typed errors and warnings", () => {
      if (c.expected.thrown !== undefined) {
        expect(observed.thrown).toEqual(c.expected.thrown);
      } else {
        expect(observed.thrown).toBeNull();
        expect(observed.errors).toEqual(c.expected.errors ?? []);
        expect(observed.warnings).toEqual(c.expected.warnings ?? []);
      }
    });
    if (c.expected.ids !== undefined) {
      it("keeps the pinned records", () => {
        expect(Object.keys(observed.records)).toEqual(c.expected.ids);
        for (const [id, fields] of Object.entries(c.expected.records ?? {})) {
          expect(Object.hasOwn(observed.records, id), id).toBe(true);
          expect(observed.records[id]).toMatchObject(fields);
        }
      });
    }
    it("names rows and columns, never people", () => {
      const said = observed.texts.join("\n");
      for (const name of CORPUS_NAMES) expect(said).not.toContain(name);
    });
  });

  describe.each(cases.filter((c) => c.input.stage === "match"))("match $name", (c) => {
    const input = c.input as MatchInput;
    it("throws the pinned typed error", () => {
      const instance = decodeInstance(input.instance) as MatchingInstance;
      const strategy = (input.strategy ?? "stable") as StrategyName;
      expectThrown(
        catchError(() => match(instance, { strategy })),
        c.expected.thrown!,
      );
    });
  });

  describe.each(cases.filter((c) => c.input.stage === "program"))("program $name", (c) => {
    const { file } = c.input as { file: string };
    it(c.expected.ok === true ? "is a valid config" : "is refused with the pinned typed error", () => {
      const json: unknown = JSON.parse(readFileSync(`${BAD_DIR}${file}`, "utf8"));
      const result = safeParseProgram(json);
      if (c.expected.ok === true) {
        expect(result.success, result.success ? "" : result.error.message).toBe(true);
      } else {
        expect(result.success).toBe(false);
        if (!result.success) expectThrown(result.error, c.expected.thrown!);
      }
      // Nothing leaked into the prototypes of plain objects.
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe.each(cases.filter((c) => c.input.stage === "cli"))("command $name", (c) => {
    const input = c.input as { files: Readonly<Record<string, string>>; argv: readonly string[] };
    it("exits with the pinned code and prints the pinned errors, naming no one", async () => {
      const files: Record<string, Uint8Array> = {};
      for (const [name, path] of Object.entries(input.files))
        files[name] = new Uint8Array(readFileSync(`${BAD_DIR}${path}`));
      const run = await runInTemp(files, input.argv);
      expect(run.code, run.stderr).toBe(c.expected.exit);
      if (c.expected.errors !== undefined) {
        expect(printedErrors(run.stderr)).toEqual(c.expected.errors.map(printedPlace).sort());
      }
      if (c.expected.excluded !== undefined) {
        const excluded = Object.fromEntries(
          readCsv(run.outputs["excluded.csv"]!, { file: "excluded.csv" }).rows.map((r) => [
            r.cells[0],
            r.cells[2],
          ]),
        );
        expect(excluded).toEqual(c.expected.excluded);
        for (const id of c.expected.included ?? []) expect(Object.hasOwn(excluded, id), id).toBe(false);
      }
      for (const name of CORPUS_NAMES) {
        expect(run.stdout).not.toContain(name);
        expect(run.stderr).not.toContain(name);
      }
    });
  });

  describe.each(cases.filter((c) => c.input.stage === "generated"))("generated $name", (c) => {
    it("throws the pinned typed error", () => {
      const input = c.input as { generator: string };
      expectThrown(catchError(generated(input.generator)), c.expected.thrown!);
    });
  });
});
