/**
 * Fuzzing program configs: random JSON, mutations of the presets (hostile values, `__proto__` and
 * `constructor` keys, deleted keys) and random formulas through `safeParseProgram`; configs that pass are
 * scored on generated participants. Only typed errors, no prototype pollution, finite scores in [0, 1].
 */
import {
  FORMS,
  generateParticipants,
  isMentorMatchError,
  type Program,
  presets,
  safeParseProgram,
  scoreParticipants,
} from "mentor-match";
import * as fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fuzzCase, fuzzRuns, tallyReport } from "./_harness.js";

/** Values a careless or hostile config puts anywhere. */
const HOSTILE = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "",
    "constructor",
    "__proto__",
    "toString",
    "import",
    'evaluate("1")',
    true,
    [],
    {},
    [null],
    { __proto__: null },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 10 }),
);

type Json = unknown;

/** Every path (list of keys) in a JSON tree. */
function paths(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) paths(value[k], [...prefix, k], out);
  } else if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) paths((value as Record<string, Json>)[key], [...prefix, key], out);
  }
  return out;
}

type Mutation =
  | { kind: "set"; pick: number; value: Json }
  | { kind: "delete"; pick: number }
  | { kind: "addKey"; pick: number; key: string; value: Json };

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value: HOSTILE }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("addKey" as const),
    pick: fc.nat(),
    key: fc.constantFrom("__proto__", "constructor", "prototype", "polluted", "x"),
    value: fc.constantFrom<Json>({ polluted: true }, { prototype: { polluted: true } }, 1),
  }),
);

/** Applies mutations to a deep copy, keeping `__proto__` as an own key (as JSON.parse would). */
function mutate(config: Json, mutations: readonly Mutation[]): Json {
  const copy = JSON.parse(JSON.stringify(config)) as Json;
  let root = copy;
  for (const m of mutations) {
    const all = paths(root);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      if (m.kind === "set") root = structuredClone(m.value);
      continue;
    }
    let parent = root as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (m.kind === "set") parent[last] = structuredClone(m.value);
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (typeof target === "object" && target !== null && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

function noPollution(): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString).toBe(OBJECT_TO_STRING);
}
const OBJECT_TO_STRING = Object.prototype.toString;

/** Scores a valid program on a few generated participants: every score is -Infinity or in [0, 1]. */
function scoreValid(program: Program, seed: number): void {
  const people = generateParticipants(program, { mentors: 3, mentees: 4, seed });
  const scored = scoreParticipants(program, people);
  for (const s of scored.scores) {
    expect(s === Number.NEGATIVE_INFINITY || (s >= 0 && s <= 1), `score ${s}`).toBe(true);
  }
}

afterEach(noPollution);
afterAll(() => {
  console.log(tallyReport("test/fuzz/program.test.ts"));
});

describe("fuzzing program configs", () => {
  it("random JSON: a program or a typed ProgramError", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        const out = fuzzCase("random JSON", () => safeParseProgram(json));
        expect(out.ok).toBe(true);
        if (out.ok && !out.value.success) expect(isMentorMatchError(out.value.error)).toBe(true);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("mutated presets: typed errors only, no prototype pollution, and what parses scores in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMS),
        fc.array(MUTATION, { minLength: 1, maxLength: 4 }),
        fc.nat(1000),
        (form, mutations, seed) => {
          const config = mutate(presets[form], mutations);
          const out = fuzzCase("mutated preset", () => {
            const parsed = safeParseProgram(config);
            if (parsed.success) scoreValid(parsed.data, seed);
            return parsed;
          });
          expect(out.ok, out.ok ? "" : String((out as { error: unknown }).error)).toBe(true);
          noPollution();
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("random formulas: refused with a typed error, or scored in [0, 1] without reaching anything else", () => {
    const names = [
      "interests",
      "format",
      "sociability",
      "grade",
      "age",
      "constructor",
      "__proto__",
      "toString",
    ];
    const atom = fc.oneof(
      fc.constantFrom("0", "1", "-1", "0.5", "1e308", "NaN", "Infinity", '"очно"', "true", "null"),
      fc.constantFrom(...names).chain((q) => fc.constantFrom(`mentee.${q}`, `mentor.${q}`, `mentee["${q}"]`)),
      fc.constantFrom("this", "process", "globalThis", "e", "pi", "x"),
    );
    const functions = fc.constantFrom(
      "abs",
      "sqrt",
      "log",
      "min",
      "max",
      "pow",
      "count",
      "common",
      "has",
      "answered",
      "round",
      "import",
      "evaluate",
      "parse",
      "compile",
      "createUnit",
      "simplify",
      "derivative",
      "config",
      "typed",
      "constructor",
      "toString",
    );
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc
          .tuple(
            tie("e"),
            fc.constantFrom("+", "-", "*", "/", "^", "==", "<", " and ", " or ", "%"),
            tie("e"),
          )
          .map(([a, op, b]) => `(${a}${op}${b})`),
        fc
          .tuple(functions, fc.array(tie("e"), { maxLength: 3 }))
          .map(([f, args]) => `${f}(${args.join(", ")})`),
        fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
        fc
          .tuple(tie("e"), fc.constantFrom(".constructor", ".__proto__", "[1]", '["x"]', ".length"))
          .map(([a, tail]) => `${a}${tail}`),
      ),
    })).e;
    const base = presets["student-student"];
    fc.assert(
      fc.property(expr, fc.nat(1000), (expression, seed) => {
        const config = {
          ...base,
          criteria: [...base.criteria, { kind: "formula", id: "fuzzed", expression }],
        };
        const out = fuzzCase("random formula", () => {
          const parsed = safeParseProgram(config);
          if (parsed.success) scoreValid(parsed.data, seed);
          return parsed;
        });
        expect(out.ok, out.ok ? "" : String((out as { error: unknown }).error)).toBe(true);
        if (out.ok && !out.value.success) {
          expect(["INVALID_FORMULA", "FORBIDDEN_FORMULA", "UNKNOWN_QUESTION", "INVALID_PROGRAM"]).toContain(
            out.value.error.code,
          );
        }
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
