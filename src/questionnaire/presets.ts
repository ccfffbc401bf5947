import isPlainObjectImport from "lodash-es/isPlainObject.js";
import mergeWithImport from "lodash-es/mergeWith.js";
import { ProgramError } from "../errors.js";
import { PRESET_INPUTS } from "./_internal/presetData.js";
import { FORMS, type Form } from "./forms.js";
import { parseProgram } from "./parseProgram.js";
import type { Program, ProgramInput } from "./program.js";

/**
 * lodash-es by method (importing its index loads all of its ~640 modules: +300 ms on `import("mentor-match")`).
 * Under ESM the default import is the function; the CommonJS build reaches the ES module through
 * `require`, which hands back its namespace, whose `default` is the function.
 */
function defaultOf<F>(imported: F): F {
  return typeof imported === "function" ? imported : (imported as unknown as { default: F }).default;
}
const mergeWith = defaultOf(mergeWithImport);
const isPlainObject = defaultOf(isPlainObjectImport);

/**
 * The ready program of each form of mentoring, parsed: questions with Russian and English labels,
 * criteria with weights, eligibility rules. Frozen; adjust one with {@link preset}.
 *
 * @example
 * presets["teacher-teacher"].eligibility.map((r) => r.id); // ["mentorExperience", "menteeExperience"]
 */
export const presets: Readonly<Record<Form, Program>> = lazyPresets();

/**
 * The presets as an object of getters: each is parsed on first use and then kept, so that importing the
 * package parses nothing (one preset has a formula, and formulas load mathjs).
 */
function lazyPresets(): Readonly<Record<Form, Program>> {
  const parsed = new Map<Form, Program>();
  const out = {} as Record<Form, Program>;
  for (const f of FORMS) {
    Object.defineProperty(out, f, {
      enumerable: true,
      get: (): Program => {
        let p = parsed.get(f);
        if (p === undefined) parsed.set(f, (p = deepFreeze(parseProgram(PRESET_INPUTS[f]))));
        return p;
      },
    });
  }
  return Object.freeze(out);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Overrides of a preset: any key of a program config. Objects merge deeply; arrays replace; `criteria`
 * may also be an object by criterion id (a partial criterion merges into it, `null` removes it).
 */
export type PresetOverrides = Omit<Partial<ProgramInput>, "criteria" | "defaults"> & {
  readonly criteria?: ProgramInput["criteria"] | Readonly<Record<string, Record<string, unknown> | null>>;
  readonly defaults?: Partial<NonNullable<ProgramInput["defaults"]>>;
};

/** Overrides merge as lodash merges, except that an array replaces the array it overrides. */
function merge(base: unknown, patch: unknown): unknown {
  return mergeWith({}, base, patch, (_a: unknown, b: unknown) => (Array.isArray(b) ? b : undefined));
}

function mergeCriteria(
  base: readonly ProgramInput["criteria"][number][],
  patch: Readonly<Record<string, unknown>>,
): unknown[] {
  const known = new Set(base.map((c) => c.id));
  for (const id of Object.keys(patch)) {
    if (!known.has(id)) {
      throw new ProgramError("UNKNOWN_CRITERION", `The preset has no criterion "${id}" to override.`, {
        location: { column: `criteria.${id}` },
        hint: `Use one of: ${[...known].join(", ")}; or give \`criteria\` as a full list.`,
        details: { path: `criteria.${id}` },
      });
    }
  }
  const out: unknown[] = [];
  for (const c of base) {
    const p = patch[c.id ?? ""];
    if (p === null) continue;
    out.push(p === undefined ? c : merge(c, p));
  }
  return out;
}

/**
 * The preset program of a form, with overrides merged in and the result checked. O(size of the config).
 *
 * @param form - one of {@link FORMS}.
 * @param overrides - keys to change (see {@link PresetOverrides}).
 * @returns a full, parsed program.
 * @throws ProgramError INVALID_PROGRAM for an unknown form; any `parseProgram` error for bad overrides.
 * @example
 * const program = preset("student-student", {
 *   defaults: { capacity: 2 },
 *   criteria: { interests: { weight: 3 }, gradeDistance: null },
 * });
 */
export function preset(form: Form, overrides: PresetOverrides = {}): Program {
  if (!(FORMS as readonly string[]).includes(form)) {
    throw new ProgramError("INVALID_PROGRAM", `There is no preset for the form "${String(form)}".`, {
      location: { column: "form" },
      hint: `Use one of: ${FORMS.join(", ")}.`,
      details: { path: "form" },
    });
  }
  const base = PRESET_INPUTS[form];
  const { criteria, ...rest } = overrides;
  const merged = merge(base, rest) as Record<string, unknown>;
  if (criteria !== undefined) {
    merged.criteria = Array.isArray(criteria)
      ? criteria
      : isPlainObject(criteria)
        ? mergeCriteria(base.criteria, criteria as Record<string, unknown>)
        : criteria;
  }
  return parseProgram(merged);
}
