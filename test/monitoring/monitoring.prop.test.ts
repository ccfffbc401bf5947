/** Invariants of monitoring: row order, participants with one value, district totals. */
import type { CsvTable } from "mentor-match";
import {
  aggregateMonitoring,
  buildMonitoring,
  type MonitoringRead,
  parseMonitoringSummary,
  type Roster,
  renderMonitoringOutputs,
} from "mentor-match/monitoring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { config, fixtureTables, reportOf } from "./_fixture.js";

const RUNS = Number(process.env.MENTOR_MATCH_FUZZ_RUNS ?? 25);

/** A shuffle of the table's rows, renumbered as a spreadsheet would show them. */
function shuffled(t: CsvTable, keys: readonly number[]): CsvTable {
  const order = t.rows
    .map((r, k) => ({ r, key: keys[k % keys.length]! * 1000 + k }))
    .sort((a, b) => a.key - b.key);
  return { ...t, rows: order.map(({ r }, k) => ({ row: k + 2, cells: r.cells })) };
}

/** A synthetic program: a roster and reads of T time points with values or gaps. */
const program = fc
  .record({
    mentors: fc.integer({ min: 1, max: 4 }),
    mentees: fc.integer({ min: 1, max: 10 }),
    points: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ mentors, mentees, points }) =>
    fc.record({
      mentors: fc.constant(mentors),
      mentees: fc.constant(mentees),
      // values[t][person][parameter]: null = not given.
      values: fc.array(
        fc.array(
          fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }), { minLength: 6, maxLength: 6 }),
          {
            minLength: mentors + mentees,
            maxLength: mentors + mentees,
          },
        ),
        { minLength: points, maxLength: points },
      ),
      satisfaction: fc.array(fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }), {
        minLength: mentors + mentees,
        maxLength: mentors + mentees,
      }),
    }),
  );

type Program = {
  mentors: number;
  mentees: number;
  values: (number | null)[][][];
  satisfaction: (number | null)[];
};

function build(p: Program, prefix = "") {
  const people = [
    ...Array.from({ length: p.mentors }, (_, k) => ({
      id: `${prefix}M${k}`,
      role: "mentor" as const,
      form: "student-student",
      group: `${prefix}M${k}`,
    })),
    ...Array.from({ length: p.mentees }, (_, k) => ({
      id: `${prefix}S${k}`,
      role: "mentee" as const,
      form: "student-student",
      group: `${prefix}M${k % p.mentors}`,
    })),
  ];
  const roster: Roster = {
    people,
    pairs: people
      .filter((x) => x.role === "mentee")
      .map((x) => ({ mentor: x.group, mentee: x.id, form: x.form })),
    excluded: [],
  };
  const ids = config.parameters.map((x) => x.id);
  const reads: MonitoringRead[] = p.values.map((t, k) => ({
    label: `t${k}`,
    file: `t${k}.csv`,
    rows: people.length,
    notUsed: [],
    withdrawn: [],
    responses: people
      .map((person, i) => {
        const values: Record<string, number> = {};
        const param = config.parameters;
        t[i]!.forEach((v, j) => {
          if (v !== null && (param[j]!.role === person.role || param[j]!.role === "both"))
            values[ids[j]!] = Math.min(v, param[j]!.max);
        });
        return { id: person.id, values, file: `t${k}.csv`, row: i + 2 };
      })
      .filter((r) => Object.keys(r.values).length > 0),
  }));
  const sat: MonitoringRead = {
    label: "satisfaction",
    file: "s.csv",
    rows: people.length,
    notUsed: [],
    withdrawn: [],
    responses: people
      .map((person, i) => ({
        id: person.id,
        values: (p.satisfaction[i] === null ? {} : { overall: p.satisfaction[i]! }) as Record<string, number>,
        file: "s.csv",
        row: i + 2,
      }))
      .filter((r) => Object.keys(r.values).length > 0),
  };
  return buildMonitoring({
    roster,
    config,
    diagnostics: reads,
    satisfaction: [sat],
    school: prefix || "school",
  });
}

describe("monitoring invariants", () => {
  it("permuting the rows of the exports changes nothing but the row numbers of the rows not used", () => {
    const tables = fixtureTables();
    const base = reportOf(tables);
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (keys) => {
        const permuted = reportOf({
          diagnostics: tables.diagnostics.map((t) => shuffled(t, keys)),
          satisfaction: shuffled(tables.satisfaction, [...keys].reverse()),
        });
        const { notUsed: a, ...restA } = base;
        const { notUsed: b, ...restB } = permuted;
        expect(restB).toEqual(restA);
        expect(b.map((x) => `${x.file}:${x.reason}`).sort()).toEqual(
          a.map((x) => `${x.file}:${x.reason}`).sort(),
        );
      }),
      { numRuns: Math.min(RUNS, 8) },
    );
  });

  it("reports a participant with one value (outcome `single`), never dropping them", () => {
    fc.assert(
      fc.property(program, (p) => {
        const report = build(p);
        for (const s of report.series) {
          const given = s.values.filter((v) => v !== null).length;
          expect(s.outcome).toBe(given === 0 ? "none" : given === 1 ? "single" : s.outcome);
          if (given === 1) expect(s.change).toBeNull();
          if (given >= 2) expect(s.change).toBe(s.last! - s.first!);
        }
        for (const sum of report.byParameter) {
          const mine = report.series.filter((s) => s.parameter === sum.parameter && s.role === sum.role);
          expect(sum.n).toBe(mine.filter((s) => s.change !== null).length);
          expect(sum.single).toBe(mine.filter((s) => s.outcome === "single").length);
          expect(sum.improved + sum.unchanged + sum.worse).toBe(sum.n);
        }
        expect(report.counts.participants).toBe(p.mentors + p.mentees);
      }),
      { numRuns: RUNS },
    );
  });

  it("district totals are the sums of the schools' (through monitoring.json)", () => {
    fc.assert(
      fc.property(fc.array(program, { minLength: 1, maxLength: 4 }), (schools) => {
        const reports = schools.map((p, k) => build(p, `sch${k}-`));
        const summaries = reports.map((r, k) =>
          parseMonitoringSummary(
            JSON.parse(renderMonitoringOutputs(r)["monitoring.json"]),
            `s${k}/monitoring.json`,
          ),
        );
        const district = aggregateMonitoring(summaries);
        expect(district.totals.participants).toBe(reports.reduce((s, r) => s + r.counts.participants, 0));
        expect(district.totals.pairs).toBe(reports.reduce((s, r) => s + r.counts.pairs, 0));
        expect(district.totals.atRiskPairs).toBe(reports.reduce((s, r) => s + r.atRisk.length, 0));
        for (const d of district.byParameter) {
          const parts = reports.map((r) =>
            r.byParameter.find((x) => x.parameter === d.parameter && x.role === d.role),
          );
          for (const key of ["n", "single", "improved", "unchanged", "worse"] as const) {
            expect(d[key]).toBe(parts.reduce((s, x) => s + (x?.[key] ?? 0), 0));
          }
        }
        for (const k of district.kpis.filter((x) => x.school === "")) {
          const parts = reports.flatMap((r) => r.kpis.filter((x) => x.id === k.id && x.value !== null));
          expect(k.numerator).toBeCloseTo(
            parts.reduce((s, x) => s + x.numerator, 0),
            9,
          );
          expect(k.denominator).toBe(parts.reduce((s, x) => s + x.denominator, 0));
        }
        // No participant code reaches the district.
        expect(JSON.stringify(district)).not.toMatch(/sch\d+-[MS]\d/);
      }),
      { numRuns: Math.min(RUNS, 15) },
    );
  });
});
