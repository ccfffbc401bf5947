/** The targets of the roadmaps, each computed with the numbers behind it. */
import type { Kpi, Monitoring } from "../../questionnaire/monitoringConfig.js";
import type { KpiResult, MonitoringResponse, ParticipantSeries, Roster, RosterPerson } from "../types.js";

/** What the KPIs are computed from. */
export interface KpiInputs {
  readonly config: Monitoring;
  readonly people: readonly RosterPerson[];
  readonly roster: Roster;
  readonly withdrawn: number;
  /** Per time point: id → response. */
  readonly diagnostics: readonly ReadonlyMap<string, MonitoringResponse>[];
  readonly satisfaction: ReadonlyMap<string, MonitoringResponse>;
  readonly series: readonly ParticipantSeries[];
}

function filled(r: MonitoringResponse | undefined): boolean {
  return r !== undefined && Object.keys(r.values).length > 0;
}

/** One KPI: value = numerator / denominator (or the mean), met when the value is on the right side of the target. */
export function computeKpi(kpi: Kpi, x: KpiInputs): KpiResult {
  const inRole = (role: string) => kpi.role === "both" || kpi.role === role;
  const people = x.people.filter((p) => inRole(p.role));
  let numerator = 0;
  let denominator = 0;
  let value: number | null = null;
  let note: string | undefined;
  switch (kpi.metric) {
    case "coverage":
      numerator = people.length;
      if (kpi.population === undefined) note = "population-not-given";
      else denominator = kpi.population;
      break;
    case "consent": {
      const noConsent = x.roster.excluded.filter((e) => inRole(e.role) && /consent/.test(e.reason)).length;
      numerator = people.length;
      denominator = people.length + noConsent + (kpi.role === "both" ? x.withdrawn : 0);
      break;
    }
    case "diagnostics-complete":
      denominator = people.length;
      if (x.diagnostics.length === 0) note = "no-diagnostics";
      for (const p of people) if (x.diagnostics.every((d) => filled(d.get(p.id)))) numerator++;
      break;
    case "participation":
      denominator = people.length;
      for (const p of people) {
        if (x.diagnostics.some((d) => filled(d.get(p.id))) || filled(x.satisfaction.get(p.id))) numerator++;
      }
      break;
    case "satisfied": {
      const q = kpi.question ?? x.config.satisfaction.overall;
      if (q === undefined) note = "no-question";
      else
        for (const p of people) {
          const v = x.satisfaction.get(p.id)?.values[q];
          if (v === undefined) continue;
          denominator++;
          if (v >= x.config.satisfaction.satisfiedAt) numerator++;
        }
      break;
    }
    case "improved": {
      const byPerson = new Map<string, { up: number; changed: number }>();
      for (const s of x.series) {
        if (!inRole(s.role) || s.gain === null) continue;
        if (kpi.parameter !== undefined && s.parameter !== kpi.parameter) continue;
        const e = byPerson.get(s.id) ?? { up: 0, changed: 0 };
        e.changed++;
        if (s.gain > 0) e.up++;
        byPerson.set(s.id, e);
      }
      for (const e of byPerson.values()) {
        denominator++;
        if (e.up * 2 > e.changed) numerator++;
      }
      break;
    }
    case "question-mean": {
      for (const p of people) {
        const v = x.satisfaction.get(p.id)?.values[kpi.question!];
        if (v === undefined) continue;
        denominator++;
        numerator += v;
      }
      break;
    }
  }
  if (note === undefined && denominator > 0) value = numerator / denominator;
  if (note === undefined && denominator === 0) note = "no-data";
  const met =
    value === null
      ? null
      : kpi.comparison === "at-least"
        ? value >= kpi.target - 1e-12
        : value <= kpi.target + 1e-12;
  return {
    id: kpi.id,
    label: kpi.label,
    metric: kpi.metric,
    target: kpi.target,
    comparison: kpi.comparison,
    value,
    numerator,
    denominator,
    met,
    ...(note === undefined ? {} : { note }),
  };
}
