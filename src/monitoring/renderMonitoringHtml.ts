/** monitoring.html: one self-contained page (inline CSS and SVG, no script, no network), printable. */
import type { Language } from "../language.js";
import { type Bar, bars, esc, targetBar } from "./_internal/charts.js";
import { labelOf, reportTables, roleWord, type Table } from "./_internal/tables.js";
import { monitorReason, monitorWords, num, pct, pText } from "./_internal/texts.js";
import type { ChangeSummary, KpiResult, MonitoringReport } from "./types.js";

/** The page's stylesheet (shared with the district page). */
export const MONITOR_CSS = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;margin:0;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:28px 24px 48px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #2f6fb3;padding-bottom:4px}
h3{font-size:15px;margin:14px 0 6px}.muted{color:#5b6472}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}th,td{text-align:left;vertical-align:top;padding:4px 7px;border-bottom:1px solid #e3e6ea}
th{background:#eef2f7;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px}
figure{margin:0;border:1px solid #e3e6ea;border-radius:8px;padding:10px 12px;break-inside:avoid}figcaption{font-weight:600;margin-bottom:6px}
.ok{color:#185c2c;font-weight:600}.bad{color:#8a1f1f;font-weight:600}
@media print{body{background:#fff}main{padding:0}.scroll{overflow:visible}table{font-size:10px}h2{break-after:avoid}tr,figure{break-inside:avoid}}
`;

const LIST_LIMIT = 300;

function cell(v: string | number | null): string {
  if (v === null) return "<td>—</td>";
  return typeof v === "number" ? `<td class="num">${v}</td>` : `<td>${esc(v)}</td>`;
}

/** An HTML table; long tables are cut at `limit` rows with a note. */
export function htmlTable(t: Table, language: Language, limit = LIST_LIMIT): string {
  const rows = t.rows.slice(0, limit);
  const more =
    t.rows.length > limit
      ? `<p class="muted">${language === "ru" ? `Показаны ${limit} из ${t.rows.length} строк; полный список — в monitoring.xlsx.` : `${limit} of ${t.rows.length} rows shown; the full list is in monitoring.xlsx.`}</p>`
      : "";
  return `<div class="scroll"><table><thead><tr>${t.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(cell).join("")}</tr>`)
    .join("")}</tbody></table></div>${more}`;
}

/** The KPI block: label, a bar with the target mark, the value and the numbers behind it. */
export function kpiBlock(kpis: readonly KpiResult[], language: Language): string {
  const w = monitorWords(language);
  const rows = kpis.map((k) => {
    const share = k.metric !== "question-mean";
    const max = share ? Math.max(1, k.target, k.value ?? 0) : Math.max(k.target, k.value ?? 0) * 1.1 || 1;
    const shown =
      k.value === null ? w.notMeasured : share ? pct(k.value, language) : num(k.value, 1, language);
    const behind =
      k.value === null && k.note !== undefined
        ? monitorReason(k.note, language)
        : share
          ? `${num(k.numerator, 0, language)} / ${num(k.denominator, 0, language)}`
          : `Σ ${num(k.numerator, 1, language)} / ${num(k.denominator, 0, language)}`;
    const target = `${k.comparison === "at-least" ? "≥" : "≤"} ${share ? pct(k.target, language) : num(k.target, 1, language)}`;
    const met =
      k.met === null
        ? `<span class="muted">${w.notMeasured}</span>`
        : k.met
          ? `<span class="ok">${w.yes}</span>`
          : `<span class="bad">${w.no}</span>`;
    return `<tr><td>${esc(k.label[language])}</td><td>${targetBar(k.value, k.target, max, shown)}</td><td>${esc(target)}</td><td>${esc(behind)}</td><td>${met}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>${w.kpi}</th><th>${w.value}</th><th>${w.target}</th><th>${w.behind}</th><th>${w.met}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The histogram of changes as bars: red below zero, grey at zero, green above. */
export function changeBars(
  title: string,
  gains: readonly (readonly [number, number])[],
  language: Language,
): string {
  const items: Bar[] = gains.map(([v, c]) => ({
    label: `${v > 0 ? "+" : ""}${num(v, 2, language)}`,
    value: c,
    color: v > 0 ? "#2e8b57" : v < 0 ? "#c0392b" : "#9aa3ad",
  }));
  return bars(title, items);
}

function statLine(s: ChangeSummary, minN: number, language: Language): string {
  const w = monitorWords(language);
  const sig =
    s.significant === null
      ? w.smallN(minN)
      : `${w.significant.toLowerCase()}: ${s.significant ? w.yes : w.no}`;
  return `n = ${s.n}; ${w.meanChange.toLowerCase()} ${num(s.meanChange, 2, language)}; ${w.improved.toLowerCase()} ${pct(s.shareImproved, language)}, ${w.worse.toLowerCase()} ${pct(s.shareWorse, language)}; p = ${s.test.method === "none" ? "—" : pText(s.test.pValue, language)}, r = ${num(s.test.effectSize, 2, language)} (${sig})`;
}

/**
 * Renders monitoring.html in `language`: the counts, the KPIs against their targets, per parameter the mean
 * at each diagnostic (before/after) and the distribution of changes, the comparative tables, satisfaction,
 * the pairs at risk, who has not filled in which diagnostic, the rows not used, and how each number is
 * computed. Self-contained (inline CSS and SVG, no script, no network) and printable.
 *
 * Complexity: O(size of the report).
 *
 * @param report - from `buildMonitoring`.
 * @param options - the language. @defaultValue ru
 * @returns the HTML text.
 * @throws never.
 * @example
 * writeFileSync("monitoring.html", renderMonitoringHtml(report, { language: "en" }));
 */
export function renderMonitoringHtml(
  report: MonitoringReport,
  options: { readonly language?: Language } = {},
): string {
  const language = options.language ?? "ru";
  const w = monitorWords(language);
  const { config } = report;
  const tables = reportTables(report, language);
  const out: string[] = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(w.title)}</title><style>${MONITOR_CSS}</style></head><body><main>`,
    `<h1>${esc(w.title)}</h1>`,
    `<p class="muted">${esc(w.generated)}: ${report.timePoints.map(esc).join(" → ")}${report.forms.length > 0 ? ` · ${esc(report.forms.join(", "))}` : ""}</p>`,
    `<table style="width:auto"><tbody>`,
    `<tr><th>${w.participants}</th><td class="num">${report.counts.participants}</td></tr>`,
    `<tr><th>${w.pairs}</th><td class="num">${report.counts.pairs}</td></tr>`,
    `<tr><th>${w.atRisk}</th><td class="num">${report.atRisk.length}</td></tr>`,
    `<tr><th>${w.rows}</th><td class="num">${report.counts.rows}</td></tr>`,
    `<tr><th>${w.withdrawn}</th><td class="num">${report.counts.withdrawn}</td></tr>`,
    "</tbody></table>",
  ];
  if (report.kpis.length > 0) out.push(`<h2>${w.kpis}</h2>`, kpiBlock(report.kpis, language));

  out.push(`<h2>${w.parameters}</h2><div class="grid">`);
  for (const s of report.byParameter) {
    const param = config.parameters.find((p) => p.id === s.parameter)!;
    const max = param.levels === undefined ? param.max : param.levels.length;
    const means: Bar[] = report.timePoints.map((t, k) => {
      let sum = 0;
      let n = 0;
      for (const x of report.series) {
        if (x.parameter !== s.parameter || x.role !== s.role) continue;
        const v = x.values[k];
        if (v !== null && v !== undefined) {
          sum += v;
          n++;
        }
      }
      const m = n === 0 ? 0 : sum / n;
      return {
        label: t,
        value: m,
        color: k === 0 ? "#9aa3ad" : "#2f6fb3",
        text: n === 0 ? "—" : num(Math.round(m * 100) / 100, 2, language),
      };
    });
    const gains = new Map<number, number>();
    for (const x of report.series) {
      if (x.parameter !== s.parameter || x.role !== s.role || x.change === null) continue;
      const g = param.direction === "lower" ? -x.change : x.change;
      gains.set(g, (gains.get(g) ?? 0) + 1);
    }
    const title = `${labelOf(config.parameters, s.parameter, language)} (${roleWord(s.role, language)})`;
    out.push(
      `<figure><figcaption>${esc(title)}</figcaption>`,
      `<div class="muted">${w.byTime}</div>${bars(`${title}: ${w.byTime}`, means, max)}`,
      `<div class="muted">${w.changesDist}</div>${changeBars(
        `${title}: ${w.changesDist}`,
        [...gains.entries()].sort((a, b) => a[0] - b[0]),
        language,
      )}`,
      `<p class="muted">${esc(statLine(s, config.minSignificanceN, language))}</p></figure>`,
    );
  }
  out.push("</div>");
  out.push(htmlTable(tables[0]!, language));
  for (const k of [2, 3, 4]) {
    if (tables[k]!.rows.length > 0)
      out.push(`<h2>${esc(tables[k]!.name)}</h2>`, htmlTable(tables[k]!, language));
  }

  if (report.satisfaction.length > 0) {
    out.push(`<h2>${w.satisfaction}</h2><div class="grid">`);
    for (const s of report.satisfaction) {
      if (s.form !== "" || s.n === 0) continue;
      const title = `${labelOf(config.satisfaction.questions, s.question, language)} (${roleWord(s.role, language)})`;
      const items: Bar[] = s.distribution.map(([v, c]) => ({
        label: num(v, 1, language),
        value: c,
        color:
          v >= config.satisfaction.satisfiedAt
            ? "#2e8b57"
            : v < config.atRisk.satisfactionBelow
              ? "#c0392b"
              : "#d4a017",
      }));
      out.push(
        `<figure><figcaption>${esc(title)}</figcaption>${bars(title, items)}<p class="muted">n = ${s.n}; ${w.mean.toLowerCase()} ${num(s.mean, 2, language)}; ${w.shareSatisfied.toLowerCase()} ${pct(s.shareSatisfied, language)}</p></figure>`,
      );
    }
    out.push("</div>", htmlTable(tables[7]!, language));
  }

  out.push(
    `<h2>${w.atRisk}</h2>`,
    report.atRisk.length === 0 ? `<p>${w.none}</p>` : htmlTable(tables[9]!, language),
  );
  out.push(`<h2>${w.missing}</h2>`);
  const counts: Table = {
    name: "",
    header: [
      w.form,
      w.role,
      w.participants,
      ...report.timePoints.map((t) => `${w.filled}: ${t}`),
      `${w.filled}: ${w.satisfaction.toLowerCase()}`,
    ],
    rows: report.counts.byFormRole.map((c) => [
      c.form,
      roleWord(c.role, language),
      c.participants,
      ...c.filled,
      c.satisfactionFilled,
    ]),
  };
  out.push(
    htmlTable(counts, language),
    report.missing.length === 0 ? `<p>${w.none}</p>` : htmlTable(tables[8]!, language),
  );
  if (report.notUsed.length > 0) out.push(`<h2>${w.notUsed}</h2>`, htmlTable(tables[11]!, language));
  out.push(`<h2>${w.how}</h2><p>${esc(w.howText)}</p>`, "</main></body></html>\n");
  return out.join("\n");
}
