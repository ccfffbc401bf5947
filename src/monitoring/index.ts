/**
 * `mentor-match/monitoring`: the program year after the order — before/after diagnostics, satisfaction,
 * pairs at risk, KPIs and the district roll-up. A separate entry point so that the main import stays light.
 */
export {
  type AggregateOptions,
  aggregateMonitoring,
  type DistrictReport,
  MonitoringSummarySchema,
  parseMonitoringSummary,
} from "./aggregateMonitoring.js";
export { buildMonitoring, type MonitoringInputs } from "./buildMonitoring.js";
export { learnEmails } from "./learnEmails.js";
export { pseudonymizeMonitoring } from "./pseudonymizeMonitoring.js";
export {
  type MonitoringItem,
  type MonitoringTableResult,
  type ReadMonitoringTableOptions,
  readMonitoringTable,
} from "./readMonitoringTable.js";
export { districtSheets, renderDistrictOutputs } from "./renderDistrictOutputs.js";
export { renderMonitoringHtml } from "./renderMonitoringHtml.js";
export {
  atRiskHeader,
  type MonitoringTextFile,
  monitoringSheets,
  type RenderMonitoringOptions,
  renderMonitoringOutputs,
} from "./renderMonitoringOutputs.js";
export { rosterFromPairs } from "./rosterFromPairs.js";
export { type ChangeCounts, type SummarizeChangesOptions, summarizeChanges } from "./summarizeChanges.js";
export type {
  AtRiskReason,
  ChangeSummary,
  FormRoleCount,
  Histogram,
  KpiResult,
  MentorGroupRow,
  MissingDiagnostic,
  MonitoringRead,
  MonitoringReport,
  MonitoringResponse,
  MonitoringSummary,
  MonitorRole,
  Outcome,
  PairRow,
  ParticipantSeries,
  Roster,
  RosterPerson,
  RowNotUsed,
  RowNotUsedReason,
} from "./types.js";
export {
  type WilcoxonAlternative,
  type WilcoxonOptions,
  type WilcoxonResult,
  wilcoxonSignedRank,
} from "./wilcoxonSignedRank.js";
export {
  KPI_METRICS,
  type Kpi,
  KpiSchema,
  type Monitoring,
  type MonitoringInput,
  type MonitoringParameter,
  MonitoringParameterSchema,
  MonitoringSchema,
  type SatisfactionQuestion,
  SatisfactionQuestionSchema,
} from "../questionnaire/monitoringConfig.js";
export type { Language } from "../language.js";
export type { Table as MonitoringTable } from "./_internal/tables.js";
