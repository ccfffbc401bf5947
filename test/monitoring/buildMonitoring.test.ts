/** The fixture program's year: what monitoring reports, checked against the inputs by hand. */
import { formatCsv, readCsv } from "mentor-match";
import { readMonitoringTable, renderMonitoringOutputs, summarizeChanges } from "mentor-match/monitoring";
import { describe, expect, it } from "vitest";
import { config, fixtureRoster, fixtureTables, reportOf } from "./_fixture.js";

describe("buildMonitoring on the fixture program", () => {
  const report = reportOf(fixtureTables());

  it("reports every participant of the pairs in force but the one who withdrew consent", () => {
    expect(report.timePoints).toEqual(["start", "q1", "q2", "final"]);
    // 12 mentors + 21 matched + 7 unmatched mentees = 40; S27 withdrew consent in final.csv.
    expect(report.counts.participants).toBe(39);
    expect(report.counts.withdrawn).toBe(1);
    expect(report.series.some((s) => s.id === "S27")).toBe(false);
    expect(report.pairs.some((p) => p.mentee === "S27")).toBe(false);
    // Each mentee has 4 parameters, each mentor 2.
    expect(report.series.length).toBe(27 * 4 + 12 * 2);
  });

  it("keeps a participant with one time point, with the outcome `single`", () => {
    const s20 = report.series.filter((s) => s.id === "S20");
    expect(s20).toHaveLength(4);
    for (const s of s20) {
      expect(s.outcome).toBe("single");
      expect(s.change).toBeNull();
      expect(s.values.slice(1)).toEqual([null, null, null]);
    }
    expect(report.byParameter.find((s) => s.parameter === "motivation")!.single).toBe(1);
  });

  it("computes first, last, change and series from the cells", () => {
    // S01's motivation in the four files (column «Мотивация к учёбе и саморазвитию»).
    const tables = fixtureTables();
    const values = tables.diagnostics.map((t) => {
      const row = t.rows.find((r) => r.cells[1] === "S01")!;
      return Number(row.cells[t.header.indexOf("Мотивация к учёбе и саморазвитию")]);
    });
    const s = report.series.find((x) => x.id === "S01" && x.parameter === "motivation")!;
    expect(s.values).toEqual(values);
    expect(s.first).toBe(values[0]);
    expect(s.last).toBe(values[3]);
    expect(s.change).toBe(values[3]! - values[0]!);
    // «3,6» is read as 3.6 on the 2–5 mark scale.
    const marks = report.series.find((x) => x.id === "S01" && x.parameter === "subjectResults")!;
    expect(marks.values.every((v) => v !== null && v >= 2 && v <= 5)).toBe(true);
  });

  it("resolves rows given by e-mail only and by name only", () => {
    // In q1 every seventh row has no code (e-mail only); in q2 S03's row has the name only.
    const missing = report.missing.map((m) => `${m.id}@${m.timePoint}`).sort();
    expect(missing).toEqual(["M05@q2", "S14@q1", "S20@final", "S20@q1", "S20@q2"]);
  });

  it("lists every row not used with its reason", () => {
    const reasons = report.notUsed.map((r) => `${r.file}:${r.reason}`);
    expect(reasons.filter((r) => r === "final.csv:unknown-participant")).toHaveLength(1);
    expect(reasons.filter((r) => r === "final.csv:excluded-at-matching")).toHaveLength(1);
    // S27's rows in all four files and the satisfaction questionnaire has none for S27.
    expect(report.notUsed.filter((r) => r.reason === "no-consent")).toHaveLength(4);
    const used = new Set(report.series.flatMap((s) => s.values.map((_, t) => t)));
    expect(used.size).toBe(4);
  });

  it("finds the pairs at risk: a mentee worse on most parameters, a pair with low satisfaction", () => {
    expect(report.atRisk.map((p) => [p.mentor, p.mentee, p.atRisk])).toEqual([
      ["M07", "S08", ["decline"]],
      ["M08", "S25", ["low-satisfaction-mentee", "low-satisfaction-mentor"]],
    ]);
    const files = renderMonitoringOutputs(report, { language: "en" });
    expect(files["at-risk.csv"].split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFMentor code,Mentee code,Reason",
      "M07,S08,the mentee got worse on most parameters",
    ]);
  });

  it("writes monitoring.csv exactly as formatCsv writes the full table", () => {
    const rows = report.series.flatMap((s) =>
      report.timePoints.map((t, k) => [
        s.id,
        s.name ?? "",
        s.role === "mentor" ? "наставник" : "наставляемый",
        s.form,
        s.parameter,
        config.parameters.find((p) => p.id === s.parameter)!.label.ru,
        t,
        s.values[k] ?? null,
      ]),
    );
    const expected = formatCsv(
      ["Код", "Участник", "Роль", "Форма", "Параметр (id)", "Параметр", "Диагностика", "Значение"],
      rows,
      { delimiter: ";" },
    );
    expect(renderMonitoringOutputs(report, { language: "ru", delimiter: ";" })["monitoring.csv"]).toBe(
      expected,
    );
  });

  it("computes the KPIs with the numbers behind them", () => {
    const k = Object.fromEntries(report.kpis.map((x) => [x.id, x]));
    // Consent: 39 participants / (39 + 2 left out at matching without a guardian's consent + 1 withdrawn).
    expect([k.consents!.numerator, k.consents!.denominator, k.consents!.met]).toEqual([39, 42, false]);
    // Diagnostics: all four filled by 39 − 3 (S14, S20, M05).
    expect([k.diagnostics!.numerator, k.diagnostics!.denominator]).toEqual([36, 39]);
    expect(k.participation!.value).toBe(1);
    expect(k.plans!.denominator).toBe(12);
    expect(k.plans!.value).toBeGreaterThanOrEqual(80);
  });

  it("summarizes by form, role model and priority group", () => {
    expect(report.byForm.every((s) => s.key === "student-student")).toBe(true);
    expect(new Set(report.byRoleModel.map((s) => s.key))).toEqual(
      new Set(["успевающий – неуспевающий", "лидер – пассивный", "равный – равному"]),
    );
    const ovz = report.byTag.filter((s) => s.key === "ovz");
    expect(ovz.length).toBe(4);
    // Three mentees tagged ОВЗ, all with a change: below minSignificanceN, never called significant.
    expect(ovz[0]!.n).toBe(3);
    expect(ovz[0]!.significant).toBeNull();
  });

  it("summarizes satisfaction by role", () => {
    const overallMentee = report.satisfaction.find((s) => s.question === "overall" && s.role === "mentee")!;
    expect(overallMentee.n).toBe(26);
    const total = overallMentee.distribution.reduce((s, [, c]) => s + c, 0);
    expect(total).toBe(26);
  });
});

describe("summarizeChanges", () => {
  it("matches a hand computation", () => {
    // Gains −1, 2, 2, 2, 0: mean 1, median 2; improved 3, unchanged 1, worse 1.
    const s = summarizeChanges({
      gains: [
        [-1, 1],
        [0, 1],
        [2, 3],
      ],
      first: [[5, 5]],
      last: [
        [4, 1],
        [5, 1],
        [7, 3],
      ],
      single: 2,
      direction: "higher",
    });
    expect(s).toMatchObject({ n: 5, single: 2, meanFirst: 5, meanLast: 6, meanChange: 1, medianChange: 2 });
    expect([s.improved, s.unchanged, s.worse]).toEqual([3, 1, 1]);
    expect(s.shareImproved).toBe(0.6);
    expect(s.significant).toBeNull();
    // "Lower is better": the same oriented gains are a mean change of −1 in the scale's units.
    expect(
      summarizeChanges({ gains: [[1, 2]], first: [[6, 2]], last: [[5, 2]], single: 0, direction: "lower" })
        .meanChange,
    ).toBe(-1);
  });
});

describe("readMonitoringTable", () => {
  it("reports a value outside the scale and a word that is not a number, naming file, row and column", () => {
    const table = readCsv(
      "Код участника;Мотивация к учёбе и саморазвитию;Уверенность в себе\nS01;11;хорошо\nS03;7 из 10;8\n",
      {
        file: "q9.csv",
      },
    );
    const { read, problems } = readMonitoringTable(table, fixtureRoster(), {
      label: "q9",
      items: config.parameters,
    });
    expect(problems.map((p) => [p.code, p.location])).toEqual([
      ["INVALID_VALUE", { file: "q9.csv", row: 2, column: "Мотивация к учёбе и саморазвитию" }],
      ["NOT_A_NUMBER", { file: "q9.csv", row: 2, column: "Уверенность в себе" }],
    ]);
    expect(problems[0]!.message).toContain("11");
    expect(read.responses.find((r) => r.id === "S03")!.values).toEqual({ motivation: 7, confidence: 8 });
  });

  it("keeps the later of two rows of one participant and lists the earlier as superseded", () => {
    const table = readCsv(
      "Отметка времени;Код участника;Мотивация к учёбе и саморазвитию\n05.09.2025 10:00;S01;7\n01.09.2025 10:00;S01;3\n",
      { file: "d.csv" },
    );
    const { read } = readMonitoringTable(table, fixtureRoster(), { label: "d", items: config.parameters });
    expect(read.responses.map((r) => r.values)).toEqual([{ motivation: 7 }]);
    expect(read.notUsed).toEqual([{ file: "d.csv", row: 3, reason: "superseded" }]);
  });

  it("says which column is missing when no column identifies participants", () => {
    const table = readCsv("Класс;Мотивация к учёбе и саморазвитию\n7;5\n", { file: "x.csv" });
    expect(() =>
      readMonitoringTable(table, fixtureRoster(), { label: "x", items: config.parameters }),
    ).toThrow(expect.objectContaining({ code: "MISSING_COLUMN", location: { file: "x.csv" } }));
  });
});
