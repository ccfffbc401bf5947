/** The comparative tables of a monitoring report, as header + rows, shared by the xlsx sheets and the HTML. */
import type { Language } from "../../language.js";
import type { Monitoring } from "../../questionnaire/monitoringConfig.js";
import type { ChangeSummary, KpiResult, MonitoringReport, PairRow } from "../types.js";
import { monitorReason, monitorWords } from "./texts.js";

/** A table: a name (the sheet's), a header and rows of plain cells. */
export interface Table {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Rounds for display in tables (numbers stay numbers). */
export function r4(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000;
}

export function roleWord(role: string, language: Language): string {
  const w = monitorWords(language);
  return role === "mentor" ? w.mentor : role === "mentee" ? w.mentee : role;
}

export function labelOf(
  items: readonly { readonly id: string; readonly label: { readonly ru: string; readonly en: string } }[],
  id: string,
  language: Language,
): string {
  return items.find((p) => p.id === id)?.label[language] ?? id;
}

/** The statistics of change summaries; `keyHeader` names the key column (form, tag, …) or is omitted. */
export function changeTable(
  name: string,
  rows: readonly ChangeSummary[],
  config: {
    readonly parameters: Monitoring["parameters"] | readonly Monitoring["parameters"][number][];
    readonly minSignificanceN: number;
  },
  language: Language,
  keyHeader?: string,
): Table {
  const w = monitorWords(language);
  return {
    name,
    header: [
      w.parameter,
      w.role,
      ...(keyHeader === undefined ? [] : [keyHeader]),
      w.n,
      w.single,
      w.meanFirst,
      w.meanLast,
      w.meanChange,
      w.medianChange,
      `${w.improved}, %`,
      `${w.unchanged}, %`,
      `${w.worse}, %`,
      w.pValue,
      w.effect,
      w.significant,
    ],
    rows: rows.map((s) => [
      labelOf(config.parameters, s.parameter, language),
      roleWord(s.role, language),
      ...(keyHeader === undefined ? [] : [s.key]),
      s.n,
      s.single,
      r4(s.meanFirst),
      r4(s.meanLast),
      r4(s.meanChange),
      r4(s.medianChange),
      s.shareImproved === null ? null : r4(s.shareImproved * 100),
      s.shareUnchanged === null ? null : r4(s.shareUnchanged * 100),
      s.shareWorse === null ? null : r4(s.shareWorse * 100),
      s.test.method === "none" ? null : r4(s.test.pValue),
      s.test.method === "none" ? null : r4(s.test.effectSize),
      s.significant === null ? w.smallN(config.minSignificanceN) : s.significant ? w.yes : w.no,
    ]),
  };
}

export function kpiTable(
  name: string,
  kpis: readonly (KpiResult & { school?: string })[],
  language: Language,
  withSchool = false,
): Table {
  const w = monitorWords(language);
  return {
    name,
    header: [...(withSchool ? [w.school] : []), w.kpi, w.value, w.target, w.behind, w.met],
    rows: kpis.map((k) => [
      ...(withSchool ? [k.school === "" || k.school === undefined ? w.total : k.school] : []),
      k.label[language],
      r4(k.value),
      `${k.comparison === "at-least" ? "≥" : "≤"} ${k.target}`,
      k.value === null && k.note !== undefined
        ? monitorReason(k.note, language)
        : `${r4(k.numerator)} / ${r4(k.denominator)}`,
      k.met === null ? w.notMeasured : k.met ? w.yes : w.no,
    ]),
  };
}

export function atRiskReasons(p: PairRow, language: Language): string {
  return p.atRisk.map((r) => monitorReason(r, language)).join("; ");
}

/**
 * The comparative table of changes: one row per participant, and for each parameter its first value, last
 * value and change (the series over the time points is in monitoring.csv).
 */
function participantTable(report: MonitoringReport, language: Language): Table {
  const w = monitorWords(language);
  const params = report.config.parameters;
  const col = new Map(params.map((p, k) => [p.id, k]));
  const rows: (string | number | null)[][] = [];
  let current: (string | number | null)[] | null = null;
  let currentId = "";
  for (const s of report.series) {
    if (current === null || s.id !== currentId) {
      current = [
        s.id,
        s.name ?? "",
        roleWord(s.role, language),
        s.form,
        ...new Array<null>(params.length * 3).fill(null),
      ];
      currentId = s.id;
      rows.push(current);
    }
    const k = 4 + col.get(s.parameter)! * 3;
    current[k] = s.first;
    current[k + 1] = s.last;
    current[k + 2] = s.change;
  }
  return {
    name: language === "ru" ? "Участники" : "Participants",
    header: [
      w.code,
      w.name,
      w.role,
      w.form,
      ...params.flatMap((p) => [
        `${p.label[language]}: ${w.first.toLowerCase()}`,
        `${p.label[language]}: ${w.last.toLowerCase()}`,
        `${p.label[language]}: ${w.change.toLowerCase()}`,
      ]),
    ],
    rows,
  };
}

/** Every comparative table of a school's report, one per sheet. */
export function reportTables(report: MonitoringReport, language: Language): Table[] {
  const w = monitorWords(language);
  const { config } = report;
  const tables: Table[] = [
    changeTable(w.parameters, report.byParameter, config, language),
    participantTable(report, language),
    changeTable(w.byForm, report.byForm, config, language, w.form),
    changeTable(w.byRoleModel, report.byRoleModel, config, language, w.roleModel),
    changeTable(w.byTag, report.byTag, config, language, w.tag),
    {
      name: w.pairs,
      header: [
        w.mentorCode,
        w.mentor,
        w.menteeCode,
        w.mentee,
        w.form,
        w.meanGain,
        w.improved,
        w.worse,
        w.change,
        w.menteeSat,
        w.mentorSat,
        w.atRiskReason,
      ],
      rows: report.pairs.map((p) => [
        p.mentor,
        p.mentorName ?? "",
        p.mentee,
        p.menteeName ?? "",
        p.form,
        r4(p.meanGain),
        p.improved,
        p.worse,
        p.changed,
        p.menteeSatisfaction,
        p.mentorSatisfaction,
        atRiskReasons(p, language),
      ]),
    },
    {
      name: w.groups,
      header: [w.mentorCode, w.mentor, w.form, w.mentees, w.meanGain, w.improved, w.worse, w.change],
      rows: report.groups.map((g) => [
        g.mentor,
        g.mentorName ?? "",
        g.form,
        g.mentees,
        r4(g.meanGain),
        g.improved,
        g.worse,
        g.changed,
      ]),
    },
    {
      name: w.satisfaction,
      header: [w.question, w.role, w.form, w.answers, w.mean, w.median, w.shareSatisfied],
      rows: report.satisfaction.map((s) => [
        labelOf(config.satisfaction.questions, s.question, language),
        roleWord(s.role, language),
        s.form === "" ? w.allForms : s.form,
        s.n,
        r4(s.mean),
        r4(s.median),
        s.shareSatisfied === null ? null : r4(s.shareSatisfied * 100),
      ]),
    },
    {
      name: w.missing,
      header: [w.code, w.name, w.role, w.timePoint],
      rows: report.missing.map((m) => [m.id, m.name ?? "", roleWord(m.role, language), m.timePoint]),
    },
    {
      name: w.atRisk,
      header: [w.mentorCode, w.menteeCode, w.atRiskReason, w.menteeSat, w.mentorSat, w.worse, w.change],
      rows: report.atRisk.map((p) => [
        p.mentor,
        p.mentee,
        atRiskReasons(p, language),
        p.menteeSatisfaction,
        p.mentorSatisfaction,
        p.worse,
        p.changed,
      ]),
    },
    kpiTable(w.kpis, report.kpis, language),
    {
      name: w.notUsed,
      header: [w.file, w.row, w.reason],
      rows: report.notUsed.map((r) => [r.file, r.row, monitorReason(r.reason, language)]),
    },
  ];
  return tables;
}
