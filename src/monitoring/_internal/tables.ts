/** The comparative tables of a monitoring report, as header + rows, shared by the xlsx sheets and the HTML. */
import type { Monitoring } from "../../questionnaire/monitoringConfig.js";
import type { ChangeSummary, KpiResult, MonitoringReport, PairRow } from "../types.js";
import { type MonitorLang, monitorReason, monitorWords } from "./texts.js";

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

export function roleWord(role: string, lang: MonitorLang): string {
  const w = monitorWords(lang);
  return role === "mentor" ? w.mentor : role === "mentee" ? w.mentee : role;
}

export function labelOf(
  items: readonly { readonly id: string; readonly label: { readonly ru: string; readonly en: string } }[],
  id: string,
  lang: MonitorLang,
): string {
  return items.find((p) => p.id === id)?.label[lang] ?? id;
}

/** The statistics of change summaries; `keyHeader` names the key column (form, tag, …) or is omitted. */
export function changeTable(
  name: string,
  rows: readonly ChangeSummary[],
  config: {
    readonly parameters: Monitoring["parameters"] | readonly Monitoring["parameters"][number][];
    readonly minSignificanceN: number;
  },
  lang: MonitorLang,
  keyHeader?: string,
): Table {
  const w = monitorWords(lang);
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
      labelOf(config.parameters, s.parameter, lang),
      roleWord(s.role, lang),
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
  lang: MonitorLang,
  withSchool = false,
): Table {
  const w = monitorWords(lang);
  return {
    name,
    header: [...(withSchool ? [w.school] : []), w.kpi, w.value, w.target, w.behind, w.met],
    rows: kpis.map((k) => [
      ...(withSchool ? [k.school === "" || k.school === undefined ? w.total : k.school] : []),
      k.label[lang],
      r4(k.value),
      `${k.comparison === "at-least" ? "≥" : "≤"} ${k.target}`,
      k.value === null && k.note !== undefined
        ? monitorReason(k.note, lang)
        : `${r4(k.numerator)} / ${r4(k.denominator)}`,
      k.met === null ? w.notMeasured : k.met ? w.yes : w.no,
    ]),
  };
}

export function atRiskReasons(p: PairRow, lang: MonitorLang): string {
  return p.atRisk.map((r) => monitorReason(r, lang)).join("; ");
}

/**
 * The comparative table of changes: one row per participant, and for each parameter its first value, last
 * value and change (the series over the time points is in monitoring.csv).
 */
function participantTable(report: MonitoringReport, lang: MonitorLang): Table {
  const w = monitorWords(lang);
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
        roleWord(s.role, lang),
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
    name: lang === "ru" ? "Участники" : "Participants",
    header: [
      w.code,
      w.name,
      w.role,
      w.form,
      ...params.flatMap((p) => [
        `${p.label[lang]}: ${w.first.toLowerCase()}`,
        `${p.label[lang]}: ${w.last.toLowerCase()}`,
        `${p.label[lang]}: ${w.change.toLowerCase()}`,
      ]),
    ],
    rows,
  };
}

/** Every comparative table of a school's report, one per sheet. */
export function reportTables(report: MonitoringReport, lang: MonitorLang): Table[] {
  const w = monitorWords(lang);
  const { config } = report;
  const tables: Table[] = [
    changeTable(w.parameters, report.byParameter, config, lang),
    participantTable(report, lang),
    changeTable(w.byForm, report.byForm, config, lang, w.form),
    changeTable(w.byRoleModel, report.byRoleModel, config, lang, w.roleModel),
    changeTable(w.byTag, report.byTag, config, lang, w.tag),
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
        atRiskReasons(p, lang),
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
        labelOf(config.satisfaction.questions, s.question, lang),
        roleWord(s.role, lang),
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
      rows: report.missing.map((m) => [m.id, m.name ?? "", roleWord(m.role, lang), m.timePoint]),
    },
    {
      name: w.atRisk,
      header: [w.mentorCode, w.menteeCode, w.atRiskReason, w.menteeSat, w.mentorSat, w.worse, w.change],
      rows: report.atRisk.map((p) => [
        p.mentor,
        p.mentee,
        atRiskReasons(p, lang),
        p.menteeSatisfaction,
        p.mentorSatisfaction,
        p.worse,
        p.changed,
      ]),
    },
    kpiTable(w.kpis, report.kpis, lang),
    {
      name: w.notUsed,
      header: [w.file, w.row, w.reason],
      rows: report.notUsed.map((r) => [r.file, r.row, monitorReason(r.reason, lang)]),
    },
  ];
  return tables;
}
