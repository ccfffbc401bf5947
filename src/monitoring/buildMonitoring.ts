/** The pairs in force + the diagnostics + the satisfaction → everything monitoring reports. */
import type { Monitoring, MonitoringParameter } from "../questionnaire/monitoringConfig.js";
import { clean, histogramMedian, toHistogram, weightedMean } from "./_internal/histogram.js";
import { computeKpi } from "./_internal/kpis.js";
import { summarizeChanges } from "./summarizeChanges.js";
import type {
  AtRiskReason,
  ChangeSummary,
  FormRoleCount,
  Histogram,
  MentorGroupRow,
  MissingDiagnostic,
  MonitoringRead,
  MonitoringReport,
  MonitoringResponse,
  MonitorRole,
  Outcome,
  PairRow,
  ParticipantSeries,
  Roster,
  RosterPerson,
  SatisfactionSummary,
} from "./types.js";

/** What {@link buildMonitoring} takes. */
export interface MonitoringInputs {
  readonly roster: Roster;
  /** The monitoring section of the program (parsed). */
  readonly config: Monitoring;
  /** One read per time point, in time order (start, q1, …, final). */
  readonly diagnostics: readonly MonitoringRead[];
  /** The satisfaction questionnaire(s); a later file wins for a participant in two. */
  readonly satisfaction?: readonly MonitoringRead[];
  /** A name for the school in the district roll-up (never a person). @defaultValue "school" */
  readonly school?: string;
}

const ROLES: readonly MonitorRole[] = ["mentor", "mentee"];

function rolesOf(p: MonitoringParameter): readonly MonitorRole[] {
  return p.role === "both" ? ROLES : [p.role];
}

function rangeOf(p: MonitoringParameter): { min: number; max: number } {
  return p.levels === undefined ? { min: p.min, max: p.max } : { min: 1, max: p.levels.length };
}

interface Bucket {
  gains: number[];
  first: number[];
  last: number[];
  single: number;
}

function bucket(map: Map<string, Bucket>, key: string): Bucket {
  let b = map.get(key);
  if (b === undefined) {
    b = { gains: [], first: [], last: [], single: 0 };
    map.set(key, b);
  }
  return b;
}

/**
 * Builds the monitoring of a program: per participant and parameter the first and last value, the change
 * and the series over the time points (a participant with a single value is reported with outcome
 * `single`, never dropped); summaries per parameter, per form, per role model and per priority group (tag)
 * with the mean and median change, the shares improved / unchanged / worse and the Wilcoxon signed-rank
 * test; every pair and mentor group; satisfaction by role and form; who has not filled in which diagnostic;
 * the pairs at risk (either side's overall satisfaction below the threshold, or the mentee worse on more
 * than `declineShare` of the parameters); the KPIs with their numbers; and the summary a district may see
 * (counts and histograms, no ids). A participant whose consent a file says is withdrawn is in no output.
 * Deterministic: the order of the rows in the files changes nothing.
 *
 * Complexity: O(P · K · T + P log P) for P participants, K parameters and T time points.
 *
 * @param inputs - the roster, the monitoring config, the reads of the diagnostics and of the satisfaction.
 * @returns the report.
 * @throws never (the inputs were checked when read).
 * @example
 * const report = buildMonitoring({ roster, config: program.monitoring!, diagnostics: [start, q1, final], satisfaction: [sat] });
 * report.byParameter[0].shareImproved; // e.g. 0.62
 */
export function buildMonitoring(inputs: MonitoringInputs): MonitoringReport {
  const { roster, config } = inputs;
  const satisfactionReads = inputs.satisfaction ?? [];
  const withdrawnSet = new Set<string>();
  for (const r of [...inputs.diagnostics, ...satisfactionReads])
    for (const id of r.withdrawn) withdrawnSet.add(id);
  const people = roster.people
    .filter((p) => !withdrawnSet.has(p.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byIdPerson = new Map(people.map((p) => [p.id, p]));
  const timePoints = inputs.diagnostics.map((d) => d.label);
  const diag = inputs.diagnostics.map((d) => new Map(d.responses.map((r) => [r.id, r])));
  const sat = new Map<string, MonitoringResponse>();
  for (const r of satisfactionReads) for (const x of r.responses) sat.set(x.id, x);
  const forms = [...new Set(people.map((p) => p.form))].sort();
  const answered = (r: MonitoringResponse | undefined): boolean => {
    if (r === undefined) return false;
    for (const _ in r.values) return true;
    return false;
  };

  // Tags and role model: from the latest file that gives them.
  const profile = new Map<string, { tags: readonly string[]; roleModel?: string }>();
  for (const m of [...diag, sat]) {
    for (const [id, r] of m) {
      const was = profile.get(id) ?? { tags: [] };
      profile.set(id, {
        tags: r.tags ?? was.tags,
        ...(r.roleModel !== undefined
          ? { roleModel: r.roleModel }
          : was.roleModel !== undefined
            ? { roleModel: was.roleModel }
            : {}),
      });
    }
  }

  const series: ParticipantSeries[] = [];
  const all = new Map<string, Bucket>();
  const perForm = new Map<string, Bucket>();
  const perModel = new Map<string, Bucket>();
  const perTag = new Map<string, Bucket>();
  const perFormSummary = new Map<string, Bucket>(); // parameter|role|form, for the district
  for (const p of people) {
    const prof = profile.get(p.id) ?? { tags: [] };
    const responses = diag.map((d) => d.get(p.id)?.values);
    for (const param of config.parameters) {
      if (!rolesOf(param).includes(p.role)) continue;
      const { min, max } = rangeOf(param);
      const values = responses.map((r) => r?.[param.id] ?? null);
      let firstPoint: number | null = null;
      let lastPoint: number | null = null;
      for (let t = 0; t < values.length; t++) {
        if (values[t] === null) continue;
        if (firstPoint === null) firstPoint = t;
        lastPoint = t;
      }
      const first = firstPoint === null ? null : values[firstPoint]!;
      const last = lastPoint === null ? null : values[lastPoint]!;
      const two = firstPoint !== null && lastPoint !== null && lastPoint > firstPoint;
      const change = two ? clean(last! - first!) : null;
      const oriented = change === null ? null : param.direction === "lower" ? -change : change;
      const gain = oriented === null ? null : clean(oriented / (max - min)) + 0;
      const outcome: Outcome =
        firstPoint === null
          ? "none"
          : !two
            ? "single"
            : oriented! > 0
              ? "improved"
              : oriented! < 0
                ? "worse"
                : "unchanged";
      series.push({
        id: p.id,
        name: p.name,
        role: p.role,
        form: p.form,
        group: p.group,
        tags: prof.tags,
        roleModel: prof.roleModel,
        parameter: param.id,
        values,
        first,
        last,
        firstPoint,
        lastPoint,
        change,
        gain,
        outcome,
      });
      if (outcome === "none") continue;
      const prefix = `${param.id}|${p.role}|`;
      const keys: [Map<string, Bucket>, string][] = [
        [all, prefix],
        [perForm, prefix + p.form],
        [perFormSummary, prefix + p.form],
      ];
      if (prof.roleModel !== undefined) keys.push([perModel, prefix + prof.roleModel]);
      for (const tag of prof.tags) keys.push([perTag, prefix + tag]);
      for (const [map, key] of keys) {
        const b = bucket(map, key);
        if (outcome === "single") b.single++;
        else {
          b.gains.push(oriented!);
          b.first.push(first!);
          b.last.push(last!);
        }
      }
    }
  }

  const paramById = new Map(config.parameters.map((p) => [p.id, p]));
  const summarize = (map: Map<string, Bucket>, dimension: string): ChangeSummary[] => {
    const out: ChangeSummary[] = [];
    for (const [key, b] of map) {
      const [parameter, role, k] = key.split("|") as [string, MonitorRole, string];
      out.push({
        parameter,
        role,
        dimension,
        key: k,
        ...summarizeChanges(
          {
            gains: toHistogram(b.gains),
            first: toHistogram(b.first),
            last: toHistogram(b.last),
            single: b.single,
            direction: paramById.get(parameter)!.direction,
          },
          { minSignificanceN: config.minSignificanceN, alpha: config.alpha },
        ),
      });
    }
    const order = new Map(config.parameters.map((p, k) => [p.id, k]));
    return out.sort(
      (a, b) =>
        order.get(a.parameter)! - order.get(b.parameter)! ||
        a.role.localeCompare(b.role) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  };

  // Pairs and mentor groups.
  const overall = config.satisfaction.overall;
  const seriesOf = new Map<string, ParticipantSeries[]>();
  for (const s of series) {
    const list = seriesOf.get(s.id);
    if (list === undefined) seriesOf.set(s.id, [s]);
    else list.push(s);
  }
  const tally = (ids: readonly string[]) => {
    let improved = 0;
    let worse = 0;
    let changed = 0;
    const gains: number[] = [];
    for (const id of ids) {
      for (const s of seriesOf.get(id) ?? []) {
        if (s.gain === null) continue;
        changed++;
        gains.push(s.gain);
        if (s.outcome === "improved") improved++;
        else if (s.outcome === "worse") worse++;
      }
    }
    let sum = 0;
    for (const g of gains) sum += g;
    return { improved, worse, changed, meanGain: gains.length === 0 ? null : clean(sum / gains.length) };
  };
  const pairs: PairRow[] = [];
  const liveGroups = new Map<string, { mentor: RosterPerson; mentees: string[] }>();
  for (const pr of roster.pairs) {
    const mentor = byIdPerson.get(pr.mentor);
    const mentee = byIdPerson.get(pr.mentee);
    if (mentor === undefined || mentee === undefined) continue; // consent withdrawn: no row
    const t = tally([pr.mentee]);
    const menteeSatisfaction = overall === undefined ? null : (sat.get(pr.mentee)?.values[overall] ?? null);
    const mentorSatisfaction = overall === undefined ? null : (sat.get(pr.mentor)?.values[overall] ?? null);
    const reasons: AtRiskReason[] = [];
    const below = config.atRisk.satisfactionBelow;
    if (menteeSatisfaction !== null && menteeSatisfaction < below) reasons.push("low-satisfaction-mentee");
    if (mentorSatisfaction !== null && mentorSatisfaction < below) reasons.push("low-satisfaction-mentor");
    if (t.changed >= config.atRisk.minParameters && t.worse > config.atRisk.declineShare * t.changed)
      reasons.push("decline");
    pairs.push({
      mentor: pr.mentor,
      mentee: pr.mentee,
      ...(mentor.name === undefined ? {} : { mentorName: mentor.name }),
      ...(mentee.name === undefined ? {} : { menteeName: mentee.name }),
      form: pr.form,
      ...t,
      menteeSatisfaction,
      mentorSatisfaction,
      atRisk: reasons,
    });
    const g = liveGroups.get(pr.mentor) ?? { mentor, mentees: [] };
    g.mentees.push(pr.mentee);
    liveGroups.set(pr.mentor, g);
  }
  const byPair = (a: PairRow, b: PairRow) =>
    a.mentor < b.mentor
      ? -1
      : a.mentor > b.mentor
        ? 1
        : a.mentee < b.mentee
          ? -1
          : a.mentee > b.mentee
            ? 1
            : 0;
  pairs.sort(byPair);
  const groups: MentorGroupRow[] = [...liveGroups.values()]
    .map(({ mentor, mentees }) => ({
      mentor: mentor.id,
      ...(mentor.name === undefined ? {} : { mentorName: mentor.name }),
      form: mentor.form,
      mentees: mentees.length,
      ...tally(mentees),
    }))
    .sort((a, b) => (a.mentor < b.mentor ? -1 : a.mentor > b.mentor ? 1 : 0));

  // Satisfaction by question, role and form ("" = every form).
  const satisfaction: SatisfactionSummary[] = [];
  const satCounts: { question: string; role: MonitorRole; form: string; distribution: Histogram }[] = [];
  for (const q of config.satisfaction.questions) {
    for (const role of q.role === "both" ? ROLES : [q.role]) {
      const keys = forms.length > 1 ? ["", ...forms] : [""];
      for (const form of keys) {
        const values: number[] = [];
        for (const p of people) {
          if (p.role !== role || (form !== "" && p.form !== form)) continue;
          const v = sat.get(p.id)?.values[q.id];
          if (v !== undefined) values.push(v);
        }
        const distribution = toHistogram(values);
        satisfaction.push({
          question: q.id,
          role,
          form,
          n: values.length,
          distribution,
          mean: values.length === 0 ? null : weightedMean(distribution),
          median: values.length === 0 ? null : histogramMedian(distribution, values.length),
          shareSatisfied:
            values.length === 0
              ? null
              : values.filter((v) => v >= config.satisfaction.satisfiedAt).length / values.length,
        });
      }
      for (const form of forms) {
        const values: number[] = [];
        for (const p of people) {
          if (p.role !== role || p.form !== form) continue;
          const v = sat.get(p.id)?.values[q.id];
          if (v !== undefined) values.push(v);
        }
        satCounts.push({ question: q.id, role, form, distribution: toHistogram(values) });
      }
    }
  }

  // Who has not filled in which diagnostic.
  const missing: MissingDiagnostic[] = [];
  for (const p of people) {
    if (!config.parameters.some((param) => rolesOf(param).includes(p.role))) continue;
    for (let t = 0; t < diag.length; t++) {
      if (!answered(diag[t]!.get(p.id))) {
        missing.push({
          id: p.id,
          ...(p.name === undefined ? {} : { name: p.name }),
          role: p.role,
          timePoint: timePoints[t]!,
        });
      }
    }
  }

  const byFormRole: FormRoleCount[] = [];
  for (const form of forms) {
    for (const role of ROLES) {
      const group = people.filter((p) => p.form === form && p.role === role);
      if (group.length === 0) continue;
      byFormRole.push({
        form,
        role,
        participants: group.length,
        filled: diag.map((d) => group.filter((p) => answered(d.get(p.id))).length),
        satisfactionFilled: group.filter((p) => answered(sat.get(p.id))).length,
      });
    }
  }

  const kpis = config.kpis.map((k) =>
    computeKpi(k, {
      config,
      people,
      roster,
      withdrawn: withdrawnSet.size,
      diagnostics: diag,
      satisfaction: sat,
      series,
    }),
  );
  const atRisk = pairs.filter((p) => p.atRisk.length > 0);
  const fileOrder = new Map<string, number>();
  for (const r of [...inputs.diagnostics, ...satisfactionReads])
    if (!fileOrder.has(r.file)) fileOrder.set(r.file, fileOrder.size);
  // A withdrawn consent in one file removes the participant's rows of every file too.
  const notUsed = [...inputs.diagnostics, ...satisfactionReads]
    .flatMap((r) => [
      ...r.notUsed,
      ...r.responses
        .filter((x) => withdrawnSet.has(x.id))
        .map((x) => ({ file: x.file, row: x.row, reason: "no-consent" as const })),
    ])
    .sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.row - b.row);

  const changes = [...perFormSummary.entries()]
    .map(([key, b]) => {
      const [parameter, role, form] = key.split("|") as [string, MonitorRole, string];
      return {
        parameter,
        role,
        form,
        gains: toHistogram(b.gains),
        first: toHistogram(b.first),
        last: toHistogram(b.last),
        single: b.single,
      };
    })
    .sort((a, b) => (`${a.parameter}|${a.role}|${a.form}` < `${b.parameter}|${b.role}|${b.form}` ? -1 : 1));

  return {
    timePoints,
    config,
    forms,
    series,
    byParameter: summarize(all, "all"),
    byForm: summarize(perForm, "form"),
    byRoleModel: summarize(perModel, "roleModel"),
    byTag: summarize(perTag, "tag"),
    pairs,
    groups,
    satisfaction,
    missing,
    atRisk,
    kpis,
    notUsed,
    counts: {
      participants: people.length,
      pairs: pairs.length,
      rows: [...inputs.diagnostics, ...satisfactionReads].reduce((s, r) => s + r.rows, 0),
      withdrawn: withdrawnSet.size,
      byFormRole,
    },
    summary: {
      school: inputs.school ?? "school",
      timePoints,
      parameters: config.parameters,
      counts: byFormRole,
      pairs: pairs.length,
      atRiskPairs: atRisk.length,
      changes,
      satisfaction: satCounts,
      satisfiedAt: config.satisfaction.satisfiedAt,
      questions: config.satisfaction.questions.map((q) => ({ id: q.id, label: q.label })),
      kpis,
    },
  };
}
