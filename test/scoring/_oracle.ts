/**
 * A brute-force oracle of the scoring rules, written from docs/program.md without the engine's code:
 * sets instead of bitsets, one pair at a time, the weighted mean of plain values.
 */
import type { Participant, Program } from "mentor-match";

type C = Program["criteria"][number];

const REF = new Date("2025-09-01T00:00:00Z");

function ageOf(p: Participant): number | undefined {
  if (p.age !== undefined) return p.age;
  if (p.birthDate === undefined) return undefined;
  const [y, m, d] = p.birthDate.split("-").map(Number) as [number, number, number];
  const before = REF.getUTCMonth() + 1 < m || (REF.getUTCMonth() + 1 === m && REF.getUTCDate() < d);
  return REF.getUTCFullYear() - y - (before ? 1 : 0);
}

/** Minor by age, else by grade (≤ minorMaxGrade); unknown = adult. */
export function oracleMinor(p: Participant, program: Program): boolean {
  const age = ageOf(p);
  if (age !== undefined) return age < program.ageOfMajority;
  return p.grade !== undefined && p.grade <= program.minorMaxGrade;
}

function num(
  p: Participant,
  c: { question?: string | undefined; field?: string | undefined },
): number | undefined {
  if (c.field === "age") return ageOf(p);
  if (c.field === "grade") return p.grade;
  if (c.field === "experienceYears") return p.experienceYears;
  const a = p.answers[c.question ?? ""];
  return typeof a === "number" ? a : undefined;
}

function set(p: Participant, q: string): Set<string> {
  const a = p.answers[q];
  return new Set(Array.isArray(a) ? a : []);
}

function inter(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function rankValue(owner: Participant, partner: string, included: Set<string>, ifNoList: number): number {
  const list: string[] = [];
  for (const id of owner.preferences) if (included.has(id) && !list.includes(id)) list.push(id);
  if (list.length === 0) return ifNoList;
  const r = list.indexOf(partner);
  return r < 0 ? 0 : (list.length - r) / list.length;
}

/** The value of one criterion for a pair, straight from the definitions. */
export function oracleValue(
  c: C,
  program: Program,
  mentee: Participant,
  mentor: Participant,
  includedMentors: Set<string>,
  includedMentees: Set<string>,
): number {
  const miss = c.ifMissing;
  switch (c.kind) {
    case "overlap": {
      const a = set(mentee, c.question);
      const b = set(mentor, c.question);
      if (a.size === 0 || b.size === 0) return miss;
      const k = inter(a, b);
      if (c.measure === "dice") return (2 * k) / (a.size + b.size);
      if (c.measure === "min") return k / Math.min(a.size, b.size);
      return k / new Set([...a, ...b]).size;
    }
    case "coverage": {
      const need = set(mentee, c.need);
      const offer = set(mentor, c.offer);
      if (need.size === 0 || offer.size === 0) return miss;
      return inter(need, offer) / need.size;
    }
    case "schedule": {
      const a = set(mentee, c.question);
      const b = set(mentor, c.question);
      if (a.size === 0 || b.size === 0) return miss;
      return Math.min(inter(a, b), c.required) / c.required;
    }
    case "categorical": {
      const x = mentee.answers[c.question];
      const y = mentor.answers[c.mentorQuestion ?? c.question];
      if (x === undefined || y === undefined) return miss;
      const xs = String(x);
      const ys = String(y);
      if (xs === ys || c.any.includes(xs) || c.any.includes(ys)) return 1;
      if (c.compatible.some(([p, q]) => (p === xs && q === ys) || (p === ys && q === xs))) return 1;
      return c.mismatch;
    }
    case "ordinal": {
      const q = program.questions.find((x) => x.id === c.question)!;
      const pos = (p: Participant): number | undefined => {
        const a = p.answers[q.id];
        if (q.kind === "single")
          return typeof a === "string"
            ? q.options!.indexOf(a) / Math.max(1, q.options!.length - 1)
            : undefined;
        return typeof a === "number" ? (a - q.min!) / (q.max! - q.min!) : undefined;
      };
      const a = pos(mentee);
      const b = pos(mentor);
      return a === undefined || b === undefined ? miss : 1 - Math.abs(a - b);
    }
    case "numeric": {
      const a = num(mentee, c);
      const b = num(mentor, c);
      if (a === undefined || b === undefined) return miss;
      const t = (b - a - c.offset) / c.scale;
      return c.shape === "gaussian" ? Math.exp(-t * t) : Math.max(0, 1 - Math.abs(t));
    }
    case "gap": {
      const a = num(mentee, c);
      const b = num(mentor, c);
      if (a === undefined || b === undefined) return miss;
      const d = b - a;
      return d >= (c.min ?? -Infinity) && d <= (c.max ?? Infinity) ? 1 : 0;
    }
    case "preference":
      return (
        c.menteeShare * rankValue(mentee, mentor.id, includedMentors, c.ifNoList) +
        (1 - c.menteeShare) * rankValue(mentor, mentee.id, includedMentees, c.ifNoList)
      );
    case "formula":
      throw new Error("the oracle does not evaluate formulas");
  }
}

/** The score of a pair: Σ w·v / Σ w, and whether every `must` criterion passes. */
export function oraclePair(
  program: Program,
  mentee: Participant,
  mentor: Participant,
  includedMentors: Set<string>,
  includedMentees: Set<string>,
): { score: number; passes: boolean } {
  let total = 0;
  let sum = 0;
  let passes = true;
  for (const c of program.criteria) {
    const v = oracleValue(c, program, mentee, mentor, includedMentors, includedMentees);
    const w = c.weight ?? (c.must ? 0 : 1);
    total += w;
    sum += w * v;
    if (c.must && v < (c.threshold ?? 1e-9)) passes = false;
  }
  return { score: sum / total, passes };
}
