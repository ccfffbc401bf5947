import fc from "fast-check";
import {
  FORMS,
  type Form,
  generateParticipants,
  type Participant,
  type Program,
  preset,
  presets,
  scoreParticipants,
} from "mentor-match";
import { describe, expect, it } from "vitest";
import { oracleMinor, oraclePair } from "./_oracle.js";

const RUNS = { numRuns: 60 };
const REF = "2025-09-01";
const FORMS_WITHOUT_FORMULA = FORMS.filter((f) => f !== "employer-college-student");

/** A small population for a form: generated from a seed, with some consents and capacities shaken up. */
const population = (forms: readonly Form[] = FORMS) =>
  fc.record({
    form: fc.constantFrom(...forms),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    mentors: fc.integer({ min: 0, max: 7 }),
    mentees: fc.integer({ min: 0, max: 10 }),
    missingConsentRate: fc.constantFrom(0, 0.2, 0.5),
    preferenceRate: fc.constantFrom(0, 0.5, 1),
    /** Per participant: keep the age, drop it (minor then follows from the grade), or give a birth date instead. */
    ageMode: fc.array(fc.constantFrom(0, 1, 2), { minLength: 17, maxLength: 17 }),
    guardianToo: fc.boolean(),
  });

interface Population {
  form: Form;
  seed: number;
  mentors: number;
  mentees: number;
  missingConsentRate: number;
  preferenceRate: number;
  ageMode: number[];
  guardianToo: boolean;
}

function people(p: Population): Participant[] {
  return generateParticipants(presets[p.form], p).map((person, k) => {
    const mode = p.ageMode[k % p.ageMode.length]!;
    const { age, ...rest } = person;
    // Some adults also carry a guardian's consent, and some minors their own: neither may change who is in.
    const out: Participant = p.guardianToo
      ? { ...rest, consent: person.consent ?? false, guardianConsent: person.guardianConsent ?? true }
      : rest;
    if (age === undefined || mode === 1) return out;
    if (mode === 2) return { ...out, birthDate: `${2025 - age - 1}-12-31` };
    return { ...out, age };
  });
}

/** A preset with random weights and random must flags / thresholds on its criteria. */
const programArb = fc
  .record({
    form: fc.constantFrom(...FORMS_WITHOUT_FORMULA),
    tweaks: fc.array(
      fc.record({
        weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
        must: fc.boolean(),
        threshold: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 12, maxLength: 12 },
    ),
  })
  .map(({ form, tweaks }): Program => {
    const base = presets[form];
    const criteria: Record<string, Record<string, unknown>> = {};
    base.criteria.forEach((c, k) => {
      const t = tweaks[k]!;
      criteria[c.id!] = { weight: t.weight, must: c.must || (k % 3 === 0 && t.must), threshold: t.threshold };
    });
    return preset(form, { criteria });
  });

describe("scoreParticipants (properties)", () => {
  it("every score is in [0, 1]", () => {
    fc.assert(
      fc.property(population(), (p) => {
        const s = scoreParticipants(presets[p.form], people(p), { referenceDate: REF });
        for (const v of s.scores) if (!(v >= 0 && v <= 1)) return false;
        return s.scores.length === s.rows * s.cols;
      }),
      RUNS,
    );
  });

  it("scores equal a brute-force oracle of the criteria, and failing a must criterion makes a pair ineligible", () => {
    fc.assert(
      fc.property(programArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (program, seed) => {
        const all = generateParticipants(program, { mentors: 5, mentees: 7, seed, preferenceRate: 0.6 });
        const s = scoreParticipants(program, all, { referenceDate: REF });
        const mentorIds = new Set(s.mentors.map((m) => m.id));
        const menteeIds = new Set(s.mentees.map((m) => m.id));
        for (let i = 0; i < s.rows; i++) {
          for (let j = 0; j < s.cols; j++) {
            const o = oraclePair(program, s.mentees[i]!, s.mentors[j]!, mentorIds, menteeIds);
            expect(s.scores[i * s.cols + j]).toBeCloseTo(o.score, 9);
            expect(s.eligible[i * s.cols + j]).toBe(o.passes ? 1 : 0);
            if (!o.passes)
              expect(s.instance.scores instanceof Float64Array && s.instance.scores[i * s.cols + j]).toBe(
                -Infinity,
              );
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a minor without a guardian's consent is excluded and appears in no row or column", () => {
    fc.assert(
      fc.property(population(), (p) => {
        const all = people(p);
        const program = presets[p.form];
        const s = scoreParticipants(program, all, { referenceDate: REF });
        const included = new Set([...s.mentees, ...s.mentors].map((x) => x.id));
        const excluded = new Set(s.excluded.map((x) => x.id));
        for (const person of all) {
          if (oracleMinor(person, program) && person.guardianConsent !== true) {
            if (included.has(person.id) || !excluded.has(person.id)) return false;
          }
          // everyone who came in is either included or excluded, never both
          if (included.has(person.id) === excluded.has(person.id)) return false;
        }
        return true;
      }),
      RUNS,
    );
  });

  it("permuting the participants changes nothing (rows and columns are sorted by id)", () => {
    fc.assert(
      fc.property(
        population(),
        fc.array(fc.double({ noNaN: true }), { minLength: 17, maxLength: 17 }),
        (p, keys) => {
          const all = people(p);
          const order = all
            .map((_, k) => k)
            .sort((a, b) => keys[a % keys.length]! - keys[b % keys.length]! || b - a);
          const shuffled = order.map((k) => all[k]!);
          const a = scoreParticipants(presets[p.form], all, { referenceDate: REF });
          const b = scoreParticipants(presets[p.form], shuffled, { referenceDate: REF });
          expect(b.mentees.map((x) => x.id)).toEqual(a.mentees.map((x) => x.id));
          expect(b.mentors.map((x) => x.id)).toEqual(a.mentors.map((x) => x.id));
          expect(b.scores).toEqual(a.scores);
          expect(b.eligible).toEqual(a.eligible);
          expect(b.instance.capacities).toEqual(a.instance.capacities);
          expect(new Set(b.excluded.map((x) => `${x.id}:${x.reason}`))).toEqual(
            new Set(a.excluded.map((x) => `${x.id}:${x.reason}`)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("the contributions sum to the score, and explain agrees with the matrix", () => {
    fc.assert(
      fc.property(population(), (p) => {
        const s = scoreParticipants(presets[p.form], people(p), { referenceDate: REF });
        for (let i = 0; i < s.rows; i++) {
          for (let j = 0; j < s.cols; j++) {
            const e = s.explain(i, j);
            const sum = e.contributions.reduce((t, c) => t + c.contribution, 0);
            if (Math.abs(sum - e.score) > 1e-9) return false;
            if (e.score !== s.scores[i * s.cols + j]) return false;
            if (e.eligible !== (s.eligible[i * s.cols + j] === 1)) return false;
            if (e.eligible !== (e.failed.length === 0)) return false;
            if ((s.ineligibleReason(i, j) === null) !== e.eligible) return false;
          }
        }
        return true;
      }),
      RUNS,
    );
  });
});
