/** Shareable monitoring outputs: names replaced by codes, as `match --pseudonymize` does. */
import { pseudonymCodes } from "../report/pseudonymCodes.js";
import type { MonitoringReport } from "./types.js";

/**
 * Replaces every name in a report with a code derived from the id and the seed (`P-3F9A`, the same code
 * `match --pseudonymize` gives with the same seed); an id that is an e-mail is replaced by its code too.
 * Counts and statistics are unchanged.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `buildMonitoring`.
 * @param seed - the program's seed.
 * @returns a new report.
 * @throws never.
 * @example
 * const shared = pseudonymizeMonitoring(report, 0);
 */
export function pseudonymizeMonitoring(report: MonitoringReport, seed: number): MonitoringReport {
  const ids = new Set<string>();
  for (const s of report.series) ids.add(s.id);
  for (const p of report.pairs) {
    ids.add(p.mentor);
    ids.add(p.mentee);
  }
  for (const m of report.missing) ids.add(m.id);
  const codes = pseudonymCodes(ids, seed);
  const id = (x: string): string => (x.includes("@") ? (codes.get(x) ?? x) : x);
  const name = (x: string): string => codes.get(x) ?? x;
  const pair = <P extends (typeof report.pairs)[number]>(p: P): P => ({
    ...p,
    mentor: id(p.mentor),
    mentee: id(p.mentee),
    mentorName: name(p.mentor),
    menteeName: name(p.mentee),
  });
  return {
    ...report,
    series: report.series.map((s) => ({
      ...s,
      id: id(s.id),
      name: name(s.id),
      ...(s.group === undefined ? {} : { group: id(s.group) }),
    })),
    pairs: report.pairs.map(pair),
    atRisk: report.atRisk.map(pair),
    groups: report.groups.map((g) => ({ ...g, mentor: id(g.mentor), mentorName: name(g.mentor) })),
    missing: report.missing.map((m) => ({ ...m, id: id(m.id), name: name(m.id) })),
  };
}
