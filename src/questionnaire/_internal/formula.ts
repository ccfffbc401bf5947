/**
 * Formulas of the `formula` criterion: parsed once by mathjs, checked against a whitelist, and compiled
 * into a tree of plain closures. Nothing is evaluated by mathjs itself: the closures see only the two
 * answer objects (`Object.create(null)`), so a formula cannot reach anything else.
 */
import type { MathNode } from "mathjs";
import { ProgramError } from "../../errors.js";
import { mathjs } from "./mathjs.js";

/** The longest formula accepted. */
export const MAX_FORMULA_LENGTH = 1000;
const MAX_NODES = 500;
const MAX_NESTING = 32;

/** A value inside a formula. */
export type FormulaValue = number | string | boolean | readonly string[] | null;
/** The answers of one participant as a formula sees them. */
export type FormulaSide = Record<string, FormulaValue>;
/** A compiled formula. */
export type CompiledFormula = (mentee: FormulaSide, mentor: FormulaSide) => FormulaValue;

type Fn = (args: FormulaValue[]) => FormulaValue;

function num(v: FormulaValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return Number.NaN;
}

function list(v: FormulaValue): readonly string[] {
  if (Array.isArray(v)) return v as readonly string[];
  if (typeof v === "string") return [v];
  return [];
}

const numeric1 =
  (f: (x: number) => number): Fn =>
  (a) =>
    f(num(a[0] ?? null));

/** The pure functions a formula may call. */
const FUNCTIONS: Readonly<Record<string, { min: number; max: number; fn: Fn }>> = {
  abs: { min: 1, max: 1, fn: numeric1(Math.abs) },
  sqrt: { min: 1, max: 1, fn: numeric1(Math.sqrt) },
  exp: { min: 1, max: 1, fn: numeric1(Math.exp) },
  log: { min: 1, max: 1, fn: numeric1(Math.log) },
  log10: { min: 1, max: 1, fn: numeric1(Math.log10) },
  floor: { min: 1, max: 1, fn: numeric1(Math.floor) },
  ceil: { min: 1, max: 1, fn: numeric1(Math.ceil) },
  sign: { min: 1, max: 1, fn: numeric1(Math.sign) },
  round: {
    min: 1,
    max: 2,
    fn: (a) => {
      const d = a.length > 1 ? num(a[1] ?? null) : 0;
      const p = 10 ** d;
      return Math.round(num(a[0] ?? null) * p) / p;
    },
  },
  pow: { min: 2, max: 2, fn: (a) => num(a[0] ?? null) ** num(a[1] ?? null) },
  mod: { min: 2, max: 2, fn: (a) => num(a[0] ?? null) % num(a[1] ?? null) },
  min: { min: 1, max: 16, fn: (a) => Math.min(...a.map(num)) },
  max: { min: 1, max: 16, fn: (a) => Math.max(...a.map(num)) },
  /** Number of options chosen (or characters of a text). */
  count: { min: 1, max: 1, fn: (a) => list(a[0] ?? null).length },
  /** Number of options two answers share. */
  common: {
    min: 2,
    max: 2,
    fn: (a) => {
      const x = list(a[0] ?? null);
      const y = new Set(list(a[1] ?? null));
      let c = 0;
      for (const v of new Set(x)) if (y.has(v)) c++;
      return c;
    },
  },
  /** Whether an answer includes an option. */
  has: { min: 2, max: 2, fn: (a) => list(a[0] ?? null).includes(String(a[1])) },
  /** Whether a participant answered the item. */
  answered: {
    min: 1,
    max: 1,
    fn: (a) => a[0] !== null && a[0] !== undefined && !(Array.isArray(a[0]) && a[0].length === 0),
  },
};

/** The names of the functions a formula may call. */
export const FORMULA_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

function eq(a: FormulaValue, b: FormulaValue): boolean {
  if (typeof a === "number" || typeof b === "number") return num(a) === num(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = list(a);
    const y = list(b);
    return x.length === y.length && x.every((v, k) => v === y[k]);
  }
  return a === b;
}

function truthy(v: FormulaValue): boolean {
  if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
  if (typeof v === "string") return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return v === true;
}

type Ev = (mentee: FormulaSide, mentor: FormulaSide) => FormulaValue;

const BINARY: Readonly<Record<string, (a: FormulaValue, b: FormulaValue) => FormulaValue>> = {
  add: (a, b) => num(a) + num(b),
  subtract: (a, b) => num(a) - num(b),
  multiply: (a, b) => num(a) * num(b),
  divide: (a, b) => num(a) / num(b),
  mod: (a, b) => num(a) % num(b),
  pow: (a, b) => num(a) ** num(b),
  equal: (a, b) => eq(a, b),
  unequal: (a, b) => !eq(a, b),
  smaller: (a, b) => num(a) < num(b),
  larger: (a, b) => num(a) > num(b),
  smallerEq: (a, b) => num(a) <= num(b),
  largerEq: (a, b) => num(a) >= num(b),
  xor: (a, b) => truthy(a) !== truthy(b),
};
const UNARY: Readonly<Record<string, (a: FormulaValue) => FormulaValue>> = {
  unaryMinus: (a) => -num(a),
  unaryPlus: (a) => num(a),
  not: (a) => !truthy(a),
};

/** Where a formula is in the config, for errors. */
export interface FormulaContext {
  /** The config path, e.g. `criteria[3].expression`. */
  readonly path: string;
  /** The question ids a formula may read, with `grade`, `age`, `experienceYears`, `tags`, `roleModel`, `organisation`. */
  readonly names: ReadonlySet<string>;
}

function forbidden(ctx: FormulaContext, what: string): ProgramError {
  return new ProgramError("FORBIDDEN_FORMULA", `The formula uses ${what}, which formulas may not use.`, {
    location: { column: ctx.path },
    hint: `Use only numbers, texts, mentee.<question> and mentor.<question>, arithmetic, comparisons, and, or, not, a ? b : c, and the functions ${FORMULA_FUNCTIONS.join(", ")}.`,
    details: { path: ctx.path },
  });
}

function side(node: MathNode, ctx: FormulaContext): Ev {
  const n = node as MathNode & {
    object?: MathNode;
    index?: { dimensions: MathNode[]; isObjectProperty(): boolean };
  };
  const object = n.object as (MathNode & { name?: string }) | undefined;
  if (
    object === undefined ||
    object.type !== "SymbolNode" ||
    (object.name !== "mentee" && object.name !== "mentor")
  ) {
    throw forbidden(ctx, "a property of something other than mentee or mentor");
  }
  const dims = n.index?.dimensions ?? [];
  const key =
    dims.length === 1 && dims[0]?.type === "ConstantNode"
      ? (dims[0] as unknown as { value: unknown }).value
      : undefined;
  if (typeof key !== "string") throw forbidden(ctx, "a computed property");
  if (!ctx.names.has(key)) {
    throw new ProgramError(
      "UNKNOWN_QUESTION",
      `The formula reads ${object.name}.${key}, but the program has no such question.`,
      {
        location: { column: ctx.path },
        hint: "Use the id of one of the program's questions, or grade, age, experienceYears.",
        details: { path: ctx.path, question: key },
      },
    );
  }
  if (object.name === "mentee") return (a) => a[key] ?? null;
  return (_a, b) => b[key] ?? null;
}

function build(node: MathNode, ctx: FormulaContext, count: { n: number }): Ev {
  if (++count.n > MAX_NODES) {
    throw new ProgramError("INVALID_FORMULA", `The formula is too complex (more than ${MAX_NODES} parts).`, {
      location: { column: ctx.path },
      hint: "Split it into several criteria.",
      details: { path: ctx.path },
    });
  }
  const any = node as unknown as Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode": {
      const v = any.value;
      if (typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean")
        throw forbidden(ctx, "a constant of an unsupported type");
      return () => v;
    }
    case "ParenthesisNode":
      return build(any.content as MathNode, ctx, count);
    case "AccessorNode":
      return side(node, ctx);
    case "SymbolNode":
      // `missing`: the value that gives the criterion's `ifMissing` (e.g. when an answer is not given).
      if (any.name === "missing") return () => Number.NaN;
      throw forbidden(ctx, `the name "${String(any.name)}"`);
    case "ConditionalNode": {
      const c = build(any.condition as MathNode, ctx, count);
      const t = build(any.trueExpr as MathNode, ctx, count);
      const f = build(any.falseExpr as MathNode, ctx, count);
      return (a, b) => (truthy(c(a, b)) ? t(a, b) : f(a, b));
    }
    case "OperatorNode": {
      const fn = String(any.fn);
      const args = (any.args as MathNode[]).map((x) => build(x, ctx, count));
      if (args.length === 1) {
        const op = UNARY[fn];
        if (op === undefined) throw forbidden(ctx, `the operator "${String(any.op)}"`);
        const x = args[0]!;
        return (a, b) => op(x(a, b));
      }
      if (args.length === 2) {
        const x = args[0]!;
        const y = args[1]!;
        if (fn === "and") return (a, b) => truthy(x(a, b)) && truthy(y(a, b));
        if (fn === "or") return (a, b) => truthy(x(a, b)) || truthy(y(a, b));
        const op = BINARY[fn];
        if (op === undefined) throw forbidden(ctx, `the operator "${String(any.op)}"`);
        return (a, b) => op(x(a, b), y(a, b));
      }
      throw forbidden(ctx, `the operator "${String(any.op)}"`);
    }
    case "FunctionNode": {
      const fnNode = any.fn as MathNode & { name?: string };
      const name = fnNode.type === "SymbolNode" ? String(fnNode.name) : "";
      const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      if (spec === undefined)
        throw forbidden(ctx, name === "" ? "a computed function" : `the function "${name}"`);
      const args = (any.args as MathNode[]).map((x) => build(x, ctx, count));
      if (args.length < spec.min || args.length > spec.max) {
        throw new ProgramError(
          "INVALID_FORMULA",
          `The function "${name}" takes ${spec.min === spec.max ? spec.min : `${spec.min}–${spec.max}`} arguments, the formula gives ${args.length}.`,
          {
            location: { column: ctx.path },
            details: { path: ctx.path },
          },
        );
      }
      const f = spec.fn;
      return (a, b) => f(args.map((x) => x(a, b)));
    }
    default:
      // AssignmentNode, FunctionAssignmentNode, BlockNode, ObjectNode, RangeNode, IndexNode alone, ArrayNode …
      throw forbidden(ctx, `a ${node.type.replace(/Node$/, "").toLowerCase()} expression`);
  }
}

/**
 * Parses a formula and checks it against the whitelist. O(length).
 *
 * @param expression - the mathjs expression.
 * @param ctx - the config path (for errors) and the names the formula may read.
 * @returns the compiled formula.
 * @throws ProgramError INVALID_FORMULA (syntax, length), FORBIDDEN_FORMULA (anything off the whitelist),
 *   UNKNOWN_QUESTION (an answer the program does not ask for).
 */
export function compileFormula(expression: string, ctx: FormulaContext): CompiledFormula {
  if (expression.length > MAX_FORMULA_LENGTH) {
    throw new ProgramError(
      "INVALID_FORMULA",
      `The formula is ${expression.length} characters long; at most ${MAX_FORMULA_LENGTH} are allowed.`,
      {
        location: { column: ctx.path },
        hint: "Split it into several criteria.",
        details: { path: ctx.path },
      },
    );
  }
  // mathjs parses by recursion: bound the nesting before it runs out of stack on "((((…".
  let depth = 0;
  let deepest = 0;
  for (const ch of expression) {
    if (ch === "(" || ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
  }
  if (deepest > MAX_NESTING) {
    throw new ProgramError(
      "INVALID_FORMULA",
      `The formula nests brackets ${deepest} deep; at most ${MAX_NESTING} are allowed.`,
      {
        location: { column: ctx.path },
        hint: "Split it into several criteria.",
        details: { path: ctx.path },
      },
    );
  }
  const parser = mathjs(ctx.path);
  let root: MathNode;
  try {
    root = parser.parse(expression);
  } catch (error) {
    throw new ProgramError("INVALID_FORMULA", `The formula does not parse: ${(error as Error).message}.`, {
      location: { column: ctx.path },
      hint: "Check brackets, quotes and operators (see docs/program.md, “formula”).",
      details: { path: ctx.path },
      cause: error,
    });
  }
  return build(root, ctx, { n: 0 });
}
