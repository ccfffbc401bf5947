/** The district's files: district.json, district.csv (KPIs per school and in total), district.html, sheets. */
import type { Language } from "../language.js";
import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import { type Bar, bars, esc } from "./_internal/charts.js";
import { changeTable, kpiTable, labelOf, r4, roleWord, type Table } from "./_internal/tables.js";
import { monitorWords, num, pct } from "./_internal/texts.js";
import type { DistrictReport } from "./aggregateMonitoring.js";
import { htmlTable, kpiBlock, MONITOR_CSS } from "./renderMonitoringHtml.js";

/**
 * The district tables, one per sheet: participants by school, form and role; pairs by school; KPIs per
 * school and in total; changes pooled, by form and by school; satisfaction pooled. No participant appears.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `aggregateMonitoring`.
 * @param language - the language.
 * @returns the sheets.
 * @throws never.
 * @example
 * const bytes = await writeXlsxWorkbook(districtSheets(district, "ru"));
 */
export function districtSheets(report: DistrictReport, language: Language = "ru"): Table[] {
  const w = monitorWords(language);
  const config = { parameters: report.parameters, minSignificanceN: report.minSignificanceN };
  return [
    {
      name: w.participants,
      header: [
        w.school,
        w.form,
        w.role,
        w.participants,
        `${w.filled}: ${w.generated.toLowerCase()}`,
        `${w.filled}: ${w.satisfaction.toLowerCase()}`,
      ],
      rows: [
        ...report.counts.map((c) => [
          c.school,
          c.form,
          roleWord(c.role, language),
          c.participants,
          c.filledAll,
          c.satisfactionFilled,
        ]),
        ...report.totals.byFormRole.map((c) => [
          w.total,
          c.form,
          roleWord(c.role, language),
          c.participants,
          null,
          null,
        ]),
      ],
    },
    {
      name: w.pairs,
      header: [w.school, w.pairs, w.atRisk],
      rows: [
        ...report.pairsBySchool.map((p) => [p.school, p.pairs, p.atRiskPairs]),
        [w.total, report.totals.pairs, report.totals.atRiskPairs],
      ],
    },
    kpiTable(w.kpis, report.kpis, language, true),
    changeTable(w.parameters, report.byParameter, config, language),
    changeTable(w.byForm, report.byForm, config, language, w.form),
    changeTable(w.bySchool, report.bySchool, config, language, w.school),
    {
      name: w.satisfaction,
      header: [w.question, w.role, w.answers, w.mean, w.shareSatisfied],
      rows: report.satisfaction.map((s) => [
        labelOf(report.questions, s.question, language),
        roleWord(s.role, language),
        s.n,
        r4(s.mean),
        s.shareSatisfied === null ? null : r4(s.shareSatisfied * 100),
      ]),
    },
  ];
}

/**
 * Renders `district.json` (the district report: counts and statistics only), `district.csv` (every KPI per
 * school and for the district, with numerator and denominator) and `district.html` (self-contained,
 * printable). No participant's id or name is in any of them: the inputs carry none.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `aggregateMonitoring`.
 * @param options - language and CSV delimiter.
 * @returns file name → content.
 * @throws never.
 * @example
 * const files = renderDistrictOutputs(aggregateMonitoring(summaries), { language: "ru" });
 */
export function renderDistrictOutputs(
  report: DistrictReport,
  options: { readonly language?: Language; readonly delimiter?: Delimiter } = {},
): Record<"district.json" | "district.csv" | "district.html", string> {
  const language = options.language ?? "ru";
  const w = monitorWords(language);
  const sheets = districtSheets(report, language);
  const kpiCsv = formatCsv(
    [
      w.school,
      "id",
      w.kpi,
      w.value,
      w.target,
      language === "ru" ? "Числитель" : "Numerator",
      language === "ru" ? "Знаменатель" : "Denominator",
      w.met,
    ],
    report.kpis.map((k) => [
      k.school === "" ? w.total : k.school,
      k.id,
      k.label[language],
      r4(k.value),
      `${k.comparison === "at-least" ? ">=" : "<="} ${k.target}`,
      r4(k.numerator),
      r4(k.denominator),
      k.met === null ? w.notMeasured : k.met ? w.yes : w.no,
    ]),
    { delimiter: options.delimiter ?? "," },
  );
  const html: string[] = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(w.districtTitle)}</title><style>${MONITOR_CSS}</style></head><body><main>`,
    `<h1>${esc(w.districtTitle)}</h1>`,
    `<p class="muted">${w.school}: ${report.schools.map(esc).join(", ")}</p>`,
    `<table style="width:auto"><tbody><tr><th>${w.participants}</th><td class="num">${report.totals.participants}</td></tr><tr><th>${w.pairs}</th><td class="num">${report.totals.pairs}</td></tr><tr><th>${w.atRisk}</th><td class="num">${report.totals.atRiskPairs}</td></tr></tbody></table>`,
    `<h2>${w.participants}</h2>`,
    htmlTable(sheets[0]!, language),
    `<h2>${w.kpis}</h2>`,
    kpiBlock(
      report.kpis.filter((k) => k.school === ""),
      language,
    ),
    htmlTable(sheets[2]!, language),
    `<h2>${w.parameters}</h2><div class="grid">`,
  ];
  for (const s of report.byParameter) {
    const title = `${labelOf(report.parameters, s.parameter, language)} (${roleWord(s.role, language)})`;
    const schoolsBars: Bar[] = report.bySchool
      .filter((x) => x.parameter === s.parameter && x.role === s.role)
      .map((x) => ({
        label: x.key,
        value: x.shareImproved ?? 0,
        color: "#2f6fb3",
        text: pct(x.shareImproved, language),
      }));
    html.push(
      `<figure><figcaption>${esc(title)}</figcaption><div class="muted">${w.improved}, ${w.bySchool.toLowerCase()}</div>${bars(title, schoolsBars, 1)}<p class="muted">n = ${s.n}; ${w.meanChange.toLowerCase()} ${num(s.meanChange, 2, language)}; ${w.improved.toLowerCase()} ${pct(s.shareImproved, language)}</p></figure>`,
    );
  }
  html.push(
    "</div>",
    htmlTable(sheets[3]!, language),
    `<h2>${w.byForm}</h2>`,
    htmlTable(sheets[4]!, language),
  );
  html.push(`<h2>${w.bySchool}</h2>`, htmlTable(sheets[5]!, language));
  if (report.satisfaction.length > 0)
    html.push(`<h2>${w.satisfaction}</h2>`, htmlTable(sheets[6]!, language));
  html.push(`<h2>${w.how}</h2><p>${esc(w.howText)}</p></main></body></html>\n`);
  return {
    "district.json": `${JSON.stringify({ format: "mentor-match/monitoring-district", version: 1, ...report }, null, 1)}\n`,
    "district.csv": kpiCsv,
    "district.html": html.join("\n"),
  };
}
