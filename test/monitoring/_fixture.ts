/** The fixture program of fixtures/monitoring (student–student, four diagnostics and satisfaction). */
import { type CsvTable, readCsv, presets } from "mentor-match";
import {
  buildMonitoring,
  learnEmails,
  type MonitoringReport,
  type Roster,
  readMonitoringTable,
  rosterFromPairs,
} from "mentor-match/monitoring";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURE = join(import.meta.dirname, "../../fixtures/monitoring");
export const POINTS = ["start", "q1", "q2", "final"] as const;
export const config = presets["student-student"].monitoring!;

export function fixtureTables(): { diagnostics: CsvTable[]; satisfaction: CsvTable } {
  const read = (f: string) => readCsv(readFileSync(join(FIXTURE, f)), { file: f });
  return { diagnostics: POINTS.map((p) => read(`${p}.csv`)), satisfaction: read("satisfaction.csv") };
}

export function fixtureRoster(): Roster {
  return rosterFromPairs([
    {
      file: "results/pairs.json",
      json: JSON.parse(readFileSync(join(FIXTURE, "results/pairs.json"), "utf8")),
    },
  ]);
}

/** Reads the tables against the roster (problems must be none) and builds the report. */
export function reportOf(
  tables: { diagnostics: readonly CsvTable[]; satisfaction?: CsvTable },
  roster0: Roster = fixtureRoster(),
  cfg = config,
): MonitoringReport {
  const all = [...tables.diagnostics, ...(tables.satisfaction === undefined ? [] : [tables.satisfaction])];
  const roster = learnEmails(roster0, all);
  const diagnostics = tables.diagnostics.map((t, k) => {
    const r = readMonitoringTable(t, roster, { label: POINTS[k] ?? `t${k}`, items: cfg.parameters });
    if (r.problems.length > 0) throw r.problems[0];
    return r.read;
  });
  const satisfaction =
    tables.satisfaction === undefined
      ? []
      : [
          readMonitoringTable(tables.satisfaction, roster, {
            label: "satisfaction",
            items: cfg.satisfaction.questions,
          }).read,
        ];
  return buildMonitoring({ roster, config: cfg, diagnostics, satisfaction, school: "school42" });
}
