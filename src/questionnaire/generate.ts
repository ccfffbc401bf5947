import type { Form } from "./forms.js";
import type { Participant } from "./participant.js";
import type { Program, Question } from "./program.js";

/** Options of {@link generateParticipants}. */
export interface GenerateOptions {
  /** Number of mentors. */
  readonly mentors: number;
  /** Number of mentees. */
  readonly mentees: number;
  /** The seed: the same seed gives the same participants. @defaultValue 1 */
  readonly seed?: number;
  /** Share of participants who name preferred partners. @defaultValue 0.25 */
  readonly preferenceRate?: number;
  /** Share of participants without a valid consent. @defaultValue 0.03 */
  readonly missingConsentRate?: number;
  /** Share of answers left blank. @defaultValue 0.05 */
  readonly blankRate?: number;
}

/** The priority groups used for generated tags. */
const TAGS = ["ovz", "gifted", "difficult-situation", "low-income", "rural", "orphan"];

interface Profile {
  readonly grade?: readonly [number, number];
  readonly age?: readonly [number, number];
  readonly experience?: readonly [number, number];
}

/** Who mentors and who is mentored in each form (ages, grades, years of experience). */
const PROFILES: Readonly<Record<Form, { readonly mentor: Profile; readonly mentee: Profile }>> = {
  "student-student": { mentor: { grade: [7, 11] }, mentee: { grade: [5, 10] } },
  "teacher-teacher": {
    mentor: { age: [30, 62], experience: [5, 35] },
    mentee: { age: [22, 34], experience: [0, 3] },
  },
  "college-student": { mentor: { age: [18, 23] }, mentee: { grade: [5, 11] } },
  "employer-student": { mentor: { age: [27, 60], experience: [5, 30] }, mentee: { grade: [7, 11] } },
  "employer-college-student": { mentor: { age: [27, 60], experience: [5, 30] }, mentee: { age: [16, 22] } },
};

/** mulberry32: a small seeded generator (32-bit arithmetic, the same on every platform). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(r: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** An option index, skewed towards the first options (some interests are more popular than others). */
function skewed(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * r() ** 1.6));
}

function answer(q: Question, r: () => number): Participant["answers"][string] | undefined {
  const options = q.options ?? [];
  switch (q.kind) {
    case "multi": {
      const k = 1 + Math.floor(r() * Math.min(4, options.length));
      const chosen = new Set<number>();
      for (let t = 0; t < 3 * k && chosen.size < k; t++) chosen.add(skewed(r, options.length));
      return [...chosen].sort((a, b) => a - b).map((c) => options[c]!);
    }
    case "single":
      return options[skewed(r, options.length)]!;
    case "number": {
      const lo = q.min ?? 0;
      const hi = q.max ?? lo + 10;
      return Number.isInteger(lo) && Number.isInteger(hi) ? int(r, [lo, hi]) : lo + r() * (hi - lo);
    }
    case "boolean":
      return r() < 0.5;
    case "text":
      return undefined;
  }
}

function pad(prefix: string, k: number, n: number): string {
  return `${prefix}${String(k + 1).padStart(Math.max(2, String(n).length), "0")}`;
}

/**
 * Seeded, realistic participants for a program: answers to its questions (popular options more often),
 * grades, ages and experience as its form expects, consents (a few missing), group mentors, priority
 * tags, and preferences named after the networking meeting. For benchmarks, demos and research.
 * O(participants × questions).
 *
 * Mentor ids are `M01`, `M02`, … and mentee ids `S01`, `S02`, … (zero-padded to the count).
 *
 * @param program - a parsed program.
 * @param options - counts, seed and rates ({@link GenerateOptions}).
 * @returns mentors first, then mentees, valid for `parseParticipants(program, …)`.
 * @throws RangeError for negative or non-integer counts.
 * @example
 * const people = generateParticipants(presets["student-student"], { mentors: 20, mentees: 60, seed: 7 });
 * people.filter((p) => p.role === "mentor").length; // 20
 */
export function generateParticipants(program: Program, options: GenerateOptions): Participant[] {
  const { mentors, mentees } = options;
  for (const [name, n] of [
    ["mentors", mentors],
    ["mentees", mentees],
  ] as const) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`${name} must be a non-negative integer, got ${n}.`);
  }
  const r = rng(options.seed ?? 1);
  const preferenceRate = options.preferenceRate ?? 0.25;
  const missingConsent = options.missingConsentRate ?? 0.03;
  const blank = options.blankRate ?? 0.05;
  const profiles = PROFILES[program.form];
  const mentorIds = Array.from({ length: mentors }, (_, k) => pad("M", k, mentors));
  const menteeIds = Array.from({ length: mentees }, (_, k) => pad("S", k, mentees));
  const out: Participant[] = [];

  const make = (role: "mentor" | "mentee", id: string): Participant => {
    const profile = profiles[role];
    const answers: Participant["answers"] = {};
    for (const q of program.questions) {
      if (q.role !== "both" && q.role !== role) continue;
      if (r() < blank) continue;
      const a = answer(q, r);
      if (a !== undefined) answers[q.id] = a;
    }
    const p: {
      -readonly [K in keyof Participant]: Participant[K];
    } = { id, role, answers, tags: [], preferences: [] };
    if (profile.grade !== undefined) {
      p.grade = int(r, profile.grade);
      p.age = p.grade + 6 + (r() < 0.3 ? 1 : 0);
    }
    if (profile.age !== undefined) p.age = int(r, profile.age);
    if (profile.experience !== undefined) p.experienceYears = int(r, profile.experience);
    // As scoring decides it (generated participants have no birth date): by age, else by the role's rule.
    const minor =
      p.age !== undefined
        ? p.age < program.ageOfMajority
        : program.whenAgeUnknown[role] === "by-grade" &&
          (p.grade === undefined || p.grade <= program.minorMaxGrade);
    const ok = r() >= missingConsent;
    if (minor) p.guardianConsent = ok;
    else p.consent = ok;
    if (role === "mentor") {
      const c = r();
      if (c < 0.2) p.capacity = 2;
      else if (c < 0.3) p.capacity = 3;
    } else if (r() < 0.15) p.tags = [TAGS[Math.floor(r() * TAGS.length)]!];
    const others = role === "mentor" ? menteeIds : mentorIds;
    if (others.length > 0 && r() < preferenceRate) {
      const k = 1 + Math.floor(r() * 3);
      const named = new Set<string>();
      for (let t = 0; t < k; t++) named.add(others[Math.floor(r() * others.length)]!);
      p.preferences = [...named];
    }
    return p;
  };
  for (const id of mentorIds) out.push(make("mentor", id));
  for (const id of menteeIds) out.push(make("mentee", id));
  return out;
}
