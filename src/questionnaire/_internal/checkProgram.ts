/** The checks of a program config that a schema cannot express: references, kinds, options, formulas. */
import { ProgramError } from "../../errors.js";
import { type Criterion, NUMERIC_FIELDS, PROFILE_FIELDS, type Program, type Question } from "../program.js";
import { compileFormula } from "./formula.js";

function fail(
  code: "INVALID_PROGRAM" | "UNKNOWN_QUESTION",
  path: string,
  problem: string,
  hint: string,
): never {
  throw new ProgramError(code, problem, { location: { column: path }, hint, details: { path } });
}

function question(
  byId: ReadonlyMap<string, Question>,
  id: string,
  path: string,
  kinds: readonly Question["kind"][],
): Question {
  const q = byId.get(id);
  if (q === undefined) {
    fail(
      "UNKNOWN_QUESTION",
      path,
      `The program has no question "${id}".`,
      "Use the id of one of the program's questions.",
    );
  }
  if (!kinds.includes(q.kind)) {
    fail(
      "INVALID_PROGRAM",
      path,
      `Question "${id}" is a "${q.kind}" item; this needs ${kinds.map((k) => `"${k}"`).join(" or ")}.`,
      "Point the criterion at a question of the right kind.",
    );
  }
  return q;
}

function options(q: Question, values: readonly string[], path: string): void {
  const known = new Set(q.options ?? []);
  for (const v of values) {
    if (!known.has(v))
      fail(
        "INVALID_PROGRAM",
        path,
        `"${v}" is not an option of question "${q.id}".`,
        `Use one of: ${[...known].join(", ")}.`,
      );
  }
}

function numberSource(
  c: { question?: string | undefined; field?: string | undefined },
  byId: ReadonlyMap<string, Question>,
  path: string,
): void {
  if ((c.question === undefined) === (c.field === undefined)) {
    fail(
      "INVALID_PROGRAM",
      path,
      "Give exactly one of `question` and `field`.",
      `\`field\` is one of ${NUMERIC_FIELDS.join(", ")}.`,
    );
  }
  if (c.question !== undefined) question(byId, c.question, `${path}.question`, ["number"]);
}

function checkCriterion(c: Criterion, byId: ReadonlyMap<string, Question>, path: string): void {
  switch (c.kind) {
    case "overlap":
    case "schedule":
      question(byId, c.question, `${path}.question`, ["multi"]);
      return;
    case "coverage":
      question(byId, c.need, `${path}.need`, ["multi"]);
      question(byId, c.offer, `${path}.offer`, ["multi"]);
      return;
    case "ordinal": {
      const q = question(byId, c.question, `${path}.question`, ["single", "number"]);
      if (q.kind === "number" && (q.min === undefined || q.max === undefined || q.max <= q.min)) {
        fail(
          "INVALID_PROGRAM",
          `${path}.question`,
          `Question "${q.id}" needs \`min\` < \`max\` to be used on an ordinal scale.`,
          "Give the scale's bounds, e.g. min 1 and max 5.",
        );
      }
      return;
    }
    case "numeric":
      numberSource(c, byId, path);
      return;
    case "gap":
      // A single question with ordered options counts by the options' places.
      if (c.question !== undefined && byId.get(c.question)?.kind === "single" && c.field === undefined)
        question(byId, c.question, `${path}.question`, ["single"]);
      else numberSource(c, byId, path);
      if (c.min === undefined && c.max === undefined)
        fail(
          "INVALID_PROGRAM",
          path,
          "A gap rule needs `min`, `max` or both.",
          "E.g. `min: 1` for “mentor at least one grade above”.",
        );
      if (c.min !== undefined && c.max !== undefined && c.min > c.max)
        fail("INVALID_PROGRAM", `${path}.min`, "`min` is greater than `max`.", "Swap them.");
      return;
    case "categorical": {
      const q = question(byId, c.question, `${path}.question`, ["single", "boolean"]);
      if (c.mentorQuestion !== undefined) {
        const m = question(byId, c.mentorQuestion, `${path}.mentorQuestion`, [q.kind]);
        if (
          q.kind === "single" &&
          JSON.stringify([...(m.options ?? [])].sort()) !== JSON.stringify([...(q.options ?? [])].sort())
        ) {
          fail(
            "INVALID_PROGRAM",
            `${path}.mentorQuestion`,
            `Questions "${q.id}" and "${m.id}" have different options.`,
            "Give both questions the same options.",
          );
        }
      }
      if (q.kind === "single") {
        options(q, c.any, `${path}.any`);
        options(q, c.compatible.flat(), `${path}.compatible`);
      }
      return;
    }
    case "preference":
      return;
    case "formula":
      return;
  }
}

/**
 * Checks references and kinds, fills in criterion ids and weights, and compiles formulas once (to
 * validate them). O(size of the config).
 *
 * @throws ProgramError INVALID_PROGRAM, UNKNOWN_QUESTION, INVALID_FORMULA, FORBIDDEN_FORMULA
 */
export function checkProgram(program: Program): Program {
  const byId = new Map<string, Question>();
  program.questions.forEach((q, k) => {
    const path = `questions[${k}]`;
    if (byId.has(q.id))
      fail(
        "INVALID_PROGRAM",
        `${path}.id`,
        `Two questions have the id "${q.id}".`,
        "Give every question its own id.",
      );
    if ((NUMERIC_FIELDS as readonly string[]).includes(q.id)) {
      fail(
        "INVALID_PROGRAM",
        `${path}.id`,
        `"${q.id}" is a participant field, not a question id.`,
        "Rename the question.",
      );
    }
    if (q.kind === "multi" || q.kind === "single") {
      if (q.options === undefined)
        fail(
          "INVALID_PROGRAM",
          `${path}.options`,
          `Question "${q.id}" is a choice item without options.`,
          "List its options.",
        );
      if (new Set(q.options).size !== q.options.length)
        fail(
          "INVALID_PROGRAM",
          `${path}.options`,
          `Question "${q.id}" lists an option twice.`,
          "Remove the duplicate.",
        );
    } else if (q.options !== undefined) {
      fail(
        "INVALID_PROGRAM",
        `${path}.options`,
        `Question "${q.id}" is a "${q.kind}" item; only choice items have options.`,
        "Remove `options` or change `kind`.",
      );
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      fail("INVALID_PROGRAM", `${path}.min`, "`min` is greater than `max`.", "Swap them.");
    byId.set(q.id, q);
  });

  const names = new Set<string>([...byId.keys(), ...NUMERIC_FIELDS, ...PROFILE_FIELDS]);
  const ids = new Set<string>();
  let totalWeight = 0;
  const criteria = program.criteria.map((c, k) => {
    const path = `criteria[${k}]`;
    checkCriterion(c, byId, path);
    if (c.kind === "formula") compileFormula(c.expression, { path: `${path}.expression`, names });
    const id = c.id ?? `${c.kind}${k + 1}`;
    if (ids.has(id))
      fail(
        "INVALID_PROGRAM",
        `${path}.id`,
        `Two criteria have the id "${id}".`,
        "Give every criterion its own id.",
      );
    ids.add(id);
    const weight = c.weight ?? (c.must ? 0 : 1);
    totalWeight += weight;
    return { ...c, id, weight };
  });
  if (!(totalWeight > 0)) {
    fail(
      "INVALID_PROGRAM",
      "criteria",
      "No criterion has a positive weight, so every pair would score the same.",
      "Give at least one criterion a weight above 0.",
    );
  }

  program.eligibility.forEach((r, k) => {
    const path = `eligibility[${k}]`;
    if ((r.question === undefined) === (r.field === undefined)) {
      fail(
        "INVALID_PROGRAM",
        path,
        "Give exactly one of `question` and `field`.",
        `\`field\` is one of ${NUMERIC_FIELDS.join(", ")}.`,
      );
    }
    if (r.question !== undefined) {
      const q = question(byId, r.question, `${path}.question`, ["number", "single", "boolean"]);
      if (q.kind === "single") {
        if (r.oneOf === undefined)
          fail(
            "INVALID_PROGRAM",
            `${path}.oneOf`,
            `A rule on the choice item "${q.id}" needs \`oneOf\`.`,
            "List the options that pass.",
          );
        options(q, r.oneOf, `${path}.oneOf`);
      }
      // A rule that can never fail (or never pass) on the item's values is a mistake, not a rule.
      if (q.kind === "boolean") {
        if (r.min !== undefined || r.max !== undefined)
          fail(
            "INVALID_PROGRAM",
            path,
            `"${q.id}" is a yes/no item: \`min\` and \`max\` do not apply.`,
            'Use `oneOf: ["true"]` or `oneOf: ["false"]`.',
          );
        const bad = (r.oneOf ?? []).find((v) => v !== "true" && v !== "false");
        if (bad !== undefined || r.oneOf === undefined)
          fail(
            "INVALID_PROGRAM",
            `${path}.oneOf`,
            `A rule on the yes/no item "${q.id}" passes "true" or "false"${bad === undefined ? "" : `, not "${bad}"`}.`,
            'Use `oneOf: ["true"]` (yes) or `oneOf: ["false"]` (no).',
          );
      }
      if (q.kind === "number" && r.oneOf !== undefined)
        fail(
          "INVALID_PROGRAM",
          `${path}.oneOf`,
          `"${q.id}" is a number: give \`min\` and/or \`max\`, not \`oneOf\`.`,
          "Replace `oneOf` by `min` / `max`.",
        );
    }
    if (r.field !== undefined && r.oneOf !== undefined) {
      fail(
        "INVALID_PROGRAM",
        `${path}.oneOf`,
        `\`${r.field}\` is a number: give \`min\` and/or \`max\`, not \`oneOf\`.`,
        "Replace `oneOf` by `min` / `max`.",
      );
    }
    if (r.oneOf === undefined && r.min === undefined && r.max === undefined) {
      fail("INVALID_PROGRAM", path, "The rule has no condition.", "Give `min`, `max` or `oneOf`.");
    }
  });

  const pairKey = (p: { mentee: string; mentor: string }) => `${p.mentee}\u0000${p.mentor}`;
  const forbidden = new Set(program.forbiddenPairs.map(pairKey));
  const pinnedAt = new Map<string, number>();
  program.pinnedPairs.forEach((p, k) => {
    const earlier = pinnedAt.get(p.mentee);
    if (earlier !== undefined) {
      fail(
        "INVALID_PROGRAM",
        `pinnedPairs[${k}]`,
        `This mentee is already pinned in pinnedPairs[${earlier}]; a mentee has one mentor.`,
        "Keep one pinned pair per mentee.",
      );
    }
    pinnedAt.set(p.mentee, k);
    if (forbidden.has(pairKey(p))) {
      fail(
        "INVALID_PROGRAM",
        `pinnedPairs[${k}]`,
        "This pair is both pinned and forbidden.",
        "Remove it from one of the two lists.",
      );
    }
  });
  return { ...program, criteria };
}
