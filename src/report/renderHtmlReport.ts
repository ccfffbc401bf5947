/** The report a curator opens in a browser or prints: one self-contained HTML file. */

import {
  bilingual,
  fillBuckets,
  personText,
  rankBuckets,
  score2,
  scoreCategories,
  summaryRows,
  tagRows,
} from "./_internal/content.js";
import { words } from "./_internal/i18n.js";
import { barChart, escapeXml as esc, hBars } from "./_internal/svg.js";
import type { ReportModel } from "./buildReportModel.js";
import { moreRowsText, REPORT_ROW_LIMIT } from "./_internal/limits.js";
import { type Lang, reasonText } from "./texts.js";

/** "M01 · Смирнов": the code and the first word of the name, short enough for a chart label. */
function shortPerson(p: { readonly id: string; readonly name?: string }): string {
  const first = p.name?.split(/\s+/)[0];
  return first === undefined || first === "" ? p.id : `${p.id} · ${first}`;
}

const CSS = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;margin:0;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:28px 24px 48px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #2f6fb3;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}.muted{color:#5b6472}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #e3e6ea}
th{background:#eef2f7;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.summary{width:auto;min-width:480px}table.summary th{background:none;font-weight:normal;color:#3a4250}
table.summary td{font-weight:600}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:18px}
figure{margin:0;border:1px solid #e3e6ea;border-radius:8px;padding:10px 12px}figcaption{font-weight:600;margin-bottom:6px}
ul.reasons{margin:0;padding-left:18px}table.pairs th:nth-child(5){width:36%}table.pairs th:nth-child(4){width:12%}ul.reasons li{margin:0}.tag{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px}
.nw{white-space:nowrap}table.unmatched th:nth-child(3){width:45%}.room{background:#dff3e4;color:#185c2c}.full{background:#f9e2e2;color:#8a1f1f}.group td{border-bottom:none}
tr.first td{border-top:1px solid #c9d1dc}@media print{body{background:#fff}main{padding:0}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/**
 * Renders the report as one HTML file with inline CSS and inline SVG charts (no script, no network):
 * the summary (form, strategy, seed), charts (score distribution, the rank each side got, mentor fill,
 * coverage by group), the pairs and groups with scores and top reasons, the unmatched with reasons and
 * closest mentors, the excluded by code, and the warnings.
 *
 * Complexity: O(size of the model).
 *
 * @param model - from `buildReportModel`.
 * @param options - the language.
 * @returns the HTML text.
 * @throws never.
 *
 * @example
 * writeFileSync("report.html", renderHtmlReport(model, { lang: "ru" }));
 */
export function renderHtmlReport(model: ReportModel, options: { readonly lang?: Lang } = {}): string {
  const lang = options.lang ?? "ru";
  const w = words(lang);
  const out: string[] = [];
  out.push(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(w.title)}</title><style>${CSS}</style></head><body><main>`);
  out.push(`<h1>${esc(w.title)}</h1>`);
  out.push(`<p class="muted">${esc(w.footer)}</p>`);

  out.push(`<h2>${esc(w.summary)}</h2><table class="summary"><tbody>`);
  for (const [k, v] of summaryRows(model, lang)) out.push(`<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
  out.push("</tbody></table>");

  out.push(`<h2 id="charts">${esc(w.charts)}</h2><div class="grid">`);
  out.push(
    `<figure><figcaption>${esc(w.chartScores)}</figcaption>${barChart(w.chartScores, scoreCategories(), [
      { name: w.score, color: "#2f6fb3", values: model.scoreBins },
    ])}</figure>`,
  );
  const ranks = rankBuckets(model, lang);
  out.push(
    `<figure><figcaption>${esc(w.chartRanks)}</figcaption>${barChart(w.chartRanks, ranks.categories, [
      { name: w.chartRanksMentee, color: "#2f6fb3", values: ranks.mentee },
      { name: w.chartRanksMentor, color: "#e08a2c", values: ranks.mentor },
    ])}</figure>`,
  );
  if (model.fill.length <= 40) {
    out.push(
      `<figure><figcaption>${esc(w.chartFill)}</figcaption>${hBars(
        w.chartFill,
        model.fill.map((f) => ({
          label: shortPerson(f.mentor),
          value: f.taken,
          max: f.capacity,
          text: `${f.taken} / ${f.capacity}`,
        })),
        "#3c9a5f",
      )}</figure>`,
    );
  } else {
    const b = fillBuckets(model);
    out.push(
      `<figure><figcaption>${esc(w.chartFill)}</figcaption>${barChart(
        w.chartFill,
        [w.idle, w.partly, w.filled],
        [{ name: w.mentors, color: "#3c9a5f", values: [b.idle, b.partly, b.full] }],
      )}</figure>`,
    );
  }
  const tags = tagRows(model, lang);
  if (tags.length > 0) {
    out.push(
      `<figure><figcaption>${esc(w.chartTags)}</figcaption>${hBars(
        w.chartTags,
        tags.map((t) => ({
          label: t.label,
          value: t.matched,
          max: t.mentees,
          text: `${t.matched} / ${t.mentees}`,
        })),
        "#7b5cc4",
      )}</figure>`,
    );
  }
  out.push("</div>");

  out.push(`<h2 id="pairs">${esc(w.pairs)} (${model.counts.matched})</h2>`);
  out.push(
    `<table class="pairs"><thead><tr><th>${esc(w.mentor)}</th><th>${esc(w.mentee)}</th><th class="num">${esc(w.score)}</th><th class="num">${esc(w.rankMentee)}</th><th>${esc(w.reasons)}</th></tr></thead><tbody>`,
  );
  let pairsShown = 0;
  for (const g of model.groups) {
    const shown = Math.min(g.pairs.length, REPORT_ROW_LIMIT - pairsShown);
    if (shown <= 0) break;
    pairsShown += shown;
    g.pairs.slice(0, shown).forEach((p, k) => {
      const mentorCell =
        k === 0
          ? `<td rowspan="${shown}">${esc(personText(g.mentor))}<br><span class="muted">${g.pairs.length} / ${g.capacity}</span></td>`
          : "";
      const reasons =
        p.reasons.length === 0
          ? ""
          : `<ul class="reasons">${p.reasons.map((r) => `<li>${esc(bilingual(r.label, lang))} <span class="muted">+${score2(r.contribution)}</span></li>`).join("")}</ul>`;
      out.push(
        `<tr${k === 0 ? ' class="first"' : ""}>${mentorCell}<td>${esc(personText(p.mentee))}</td><td class="num">${score2(p.score)}</td><td class="num">${p.menteeRank}</td><td>${reasons}</td></tr>`,
      );
    });
  }
  out.push("</tbody></table>");
  if (pairsShown < model.counts.matched)
    out.push(
      `<p class="muted">${esc(moreRowsText(lang, model.counts.matched - pairsShown, "pairs.csv"))}</p>`,
    );

  out.push(
    `<h2 id="unmatched">${esc(w.unmatchedTitle)} (${model.unmatched.length})</h2><p class="muted">${esc(w.unmatchedNote)}</p>`,
  );
  if (model.unmatched.length > 0) {
    out.push(
      `<table class="unmatched"><thead><tr><th>${esc(w.mentee)}</th><th>${esc(w.reason)}</th><th>${esc(w.closest)}</th></tr></thead><tbody>`,
    );
    for (const u of model.unmatched.slice(0, REPORT_ROW_LIMIT)) {
      const closest =
        u.closest.length === 0
          ? esc(w.noneClosest)
          : u.closest
              .map(
                (c) =>
                  `${esc(personText(c.mentor))} <span class="nw">· ${score2(c.score)} <span class="tag ${c.hasRoom ? "room" : "full"}">${esc(c.hasRoom ? w.hasRoom : w.full)}</span></span>`,
              )
              .join("<br>");
      out.push(
        `<tr><td>${esc(personText(u.mentee))}</td><td>${esc(reasonText(u.reason, lang))}</td><td>${closest}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    if (model.unmatched.length > REPORT_ROW_LIMIT)
      out.push(
        `<p class="muted">${esc(moreRowsText(lang, model.unmatched.length - REPORT_ROW_LIMIT, "unmatched.csv"))}</p>`,
      );
  }

  if (model.idleMentors.length > 0) {
    const more = model.idleMentors.length - REPORT_ROW_LIMIT;
    out.push(
      `<h3>${esc(w.idleMentors)} (${model.idleMentors.length})</h3><p>${model.idleMentors
        .slice(0, REPORT_ROW_LIMIT)
        .map((m) => esc(personText(m)))
        .join(
          ", ",
        )}</p>${more > 0 ? `<p class="muted">${esc(moreRowsText(lang, more, "unmatched.csv"))}</p>` : ""}`,
    );
  }
  out.push(`<h2>${esc(w.excludedTitle)} (${model.excluded.length})</h2>`);
  if (model.excluded.length > 0) {
    out.push(
      `<table><thead><tr><th>${esc(w.id)}</th><th>${esc(w.role)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>`,
    );
    for (const e of model.excluded.slice(0, REPORT_ROW_LIMIT)) {
      out.push(
        `<tr><td>${esc(e.id)}</td><td>${esc(e.role === "mentor" ? w.roleMentor : w.roleMentee)}</td><td>${esc(reasonText(e.reason, lang))}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    if (model.excluded.length > REPORT_ROW_LIMIT)
      out.push(
        `<p class="muted">${esc(moreRowsText(lang, model.excluded.length - REPORT_ROW_LIMIT, "excluded.csv"))}</p>`,
      );
  }

  out.push(`<h2>${esc(w.warnings)} (${model.warnings.length})</h2>`);
  out.push(
    model.warnings.length === 0
      ? `<p class="muted">${esc(w.noWarnings)}</p>`
      : `<ul>${model.warnings
          .slice(0, REPORT_ROW_LIMIT)
          .map((m) => `<li>${esc(m)}</li>`)
          .join("")}</ul>${
          model.warnings.length > REPORT_ROW_LIMIT
            ? `<p class="muted">${esc(moreRowsText(lang, model.warnings.length - REPORT_ROW_LIMIT, lang === "ru" ? "сообщениях команды" : "the command's messages"))}</p>`
            : ""
        }`,
  );
  out.push("</main></body></html>\n");
  return out.join("\n");
}
