/** The report a curator opens in a browser or prints: one self-contained HTML file. */

import type { Language } from "../language.js";
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
import { formText, words } from "./_internal/i18n.js";
import { barChart, escapeXml as esc, hBars } from "./_internal/svg.js";
import type { ReportModel } from "./buildReportModel.js";
import { moreRowsText, REPORT_ROW_LIMIT } from "./_internal/limits.js";
import { reasonText } from "./texts.js";

/** "M01 · Смирнов": the code and the first word of the name, short enough for a chart label. */
function shortPerson(p: { readonly id: string; readonly name?: string }): string {
  const first = p.name?.split(/\s+/)[0];
  return first === undefined || first === "" ? p.id : `${p.id} · ${first}`;
}

const CSS = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;margin:0;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:28px 24px 48px;background:#fff;min-height:100vh}
h1{font-size:24px;margin:8px 0 6px;text-align:center}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #2f6fb3;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}.muted{color:#5b6472}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #e3e6ea}
th{background:#eef2f7;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.summary{width:auto;min-width:480px}table.summary th{background:none;font-weight:normal;color:#3a4250}
table.summary td{font-weight:600}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:18px}
figure{margin:0;border:1px solid #e3e6ea;border-radius:8px;padding:10px 12px;break-inside:avoid}figcaption{font-weight:600;margin-bottom:6px}
ul.reasons{margin:0;padding-left:18px}ul.reasons li{margin:0}.nodata{font-size:12px}table.pairs th:nth-child(7){width:34%}table.pairs th:nth-child(5),table.pairs th:nth-child(6){width:10%}.tag{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px}
.nw{white-space:nowrap}table.unmatched th:nth-child(3){width:45%}.room{background:#dff3e4;color:#185c2c}.full{background:#f9e2e2;color:#8a1f1f}
.order{margin:0 0 18px auto;width:50%;min-width:300px;text-align:left}.order p{margin:0}.lead{text-align:center;margin:0 0 14px}
table.pairs td,table.pairs th{border:1px solid #c9d1dc}
.signatures{margin-top:36px;display:grid;grid-template-columns:auto 1fr 1fr;gap:26px 18px;align-items:end;break-inside:avoid}
.line{border-bottom:1px solid #1d2330;height:22px;position:relative}.line span{position:absolute;top:24px;left:0;right:0;text-align:center;font-size:11px;color:#5b6472}
.details{margin-top:40px}
@page{size:A4;margin:15mm 12mm 15mm 15mm}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0;min-height:0}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}
.details{break-before:page;margin-top:0}.grid{display:block}figure{margin-bottom:12px}table{font-size:10pt}th,td{padding:3px 5px}
table.pairs{font-size:9pt}ul.reasons{padding:0;list-style:none}ul.reasons li{display:inline}ul.reasons li+li::before{content:"; "}.nodata{font-size:8pt}}
`;

/** A date of the order as the language writes it: 05.12.2026, or 2026-12-05. */
function dateText(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return language === "ru" && m !== null ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/**
 * Renders the report as one HTML file with inline CSS and inline SVG charts (no script, no network),
 * printable on A4. First the appendix to the principal's order: the school, the order's date and number
 * (blanks to fill in when not given), the program, a numbered table of the pairs (scores, the place the
 * mentee gave the mentor in its named list and the place by score, the reasons the answers support, the
 * criteria without data) and the signature lines. Then, on a new printed page, the notes: the summary,
 * charts (score distribution, the rank each side got, mentor fill, coverage by group), the unmatched with
 * reasons and closest mentors, the excluded by code, and the warnings. In Russian, numbers have decimal
 * commas and no identifier of the program's config («student-student», «stable») is shown.
 *
 * Complexity: O(size of the model).
 *
 * @param model - from `buildReportModel`.
 * @param options - the language.
 * @returns the HTML text.
 * @throws never.
 *
 * @example
 * writeFileSync("report.html", renderHtmlReport(model, { language: "ru" }));
 */
export function renderHtmlReport(model: ReportModel, options: { readonly language?: Language } = {}): string {
  const language = options.language ?? "ru";
  const w = words(language);
  const a = model.appendix;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="${language}"><head><meta charset="utf-8">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(w.appendixTitle)}</title><style>${CSS}</style></head><body><main>`);

  // The appendix to the order.
  out.push('<section class="appendix"><div class="order">');
  out.push(`<p>${esc(w.appendixTo)}</p>`);
  if (a.school !== undefined) out.push(`<p>${esc(a.school)}</p>`);
  out.push(
    `<p>${esc(w.orderFrom)} ${a.date === undefined ? esc(w.blankDate) : esc(dateText(a.date, language))} ${esc(w.orderNo)} ${a.order === undefined ? "________" : esc(a.order)}</p>`,
  );
  out.push("</div>");
  out.push(`<h1>${esc(w.appendixTitle)}</h1>`);
  const lead = [
    a.program === undefined ? "" : `${w.programName}: ${a.program}`,
    `${w.program}: ${formText(model.form, language)}`,
  ].filter((x) => x !== "");
  out.push(`<p class="lead">${lead.map(esc).join("<br>")}</p>`);
  out.push(
    `<table class="pairs"><thead><tr><th class="num">${esc(w.number)}</th><th>${esc(w.mentor)}</th><th>${esc(w.mentee)}</th><th class="num">${esc(w.score)}</th><th class="num">${esc(w.rankMentee)}</th><th class="num">${esc(w.rankScore)}</th><th>${esc(w.reasons)}</th></tr></thead><tbody>`,
  );
  // Criteria no pair has data for are said once, under the table; beside a pair only the rest.
  const forAll = new Set(model.noDataForAll.map((l) => bilingual(l, language)));
  let n = 0;
  pairs: for (const g of model.groups) {
    for (const p of g.pairs) {
      if (n === REPORT_ROW_LIMIT) break pairs;
      n++;
      const reasons =
        p.reasons.length === 0
          ? ""
          : `<ul class="reasons">${p.reasons.map((r) => `<li>${esc(bilingual(r.label, language))} <span class="muted">+${score2(r.contribution, language)}</span></li>`).join("")}</ul>`;
      const own = p.noData.map((l) => bilingual(l, language)).filter((l) => !forAll.has(l));
      const noData =
        own.length === 0
          ? ""
          : `<div class="muted nodata">${esc(w.noData)}: ${own.map(esc).join("; ")}</div>`;
      out.push(
        `<tr><td class="num">${n}</td><td>${esc(personText(g.mentor))}</td><td>${esc(personText(p.mentee))}</td><td class="num">${score2(p.score, language)}</td><td class="num">${p.menteeChoice ?? "—"}</td><td class="num">${p.menteeRank}</td><td>${reasons}${noData}</td></tr>`,
      );
    }
  }
  out.push("</tbody></table>");
  if (n < model.counts.matched)
    out.push(`<p class="muted">${esc(moreRowsText(language, model.counts.matched - n, "pairs.csv"))}</p>`);
  if (forAll.size > 0)
    out.push(`<p class="muted nodata">${esc(w.noDataForAll)}: ${[...forAll].map(esc).join("; ")}.</p>`);
  out.push('<div class="signatures">');
  for (const who of [w.curator, w.head]) {
    out.push(
      `<div>${esc(who)}</div><div class="line"><span>${esc(w.signature)}</span></div><div class="line"><span>${esc(w.fullName)}</span></div>`,
    );
  }
  out.push(`<div>${esc(w.blankDate)}</div></div></section>`);

  // The notes: everything behind the pairs.
  out.push(`<section class="details"><h2>${esc(w.details)}</h2>`);
  out.push(`<p class="muted">${esc(w.footer)}</p>`);
  out.push(`<h2>${esc(w.summary)}</h2><table class="summary"><tbody>`);
  for (const [k, v] of summaryRows(model, language))
    out.push(`<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
  out.push("</tbody></table>");

  out.push(`<h2 id="charts">${esc(w.charts)}</h2><div class="grid">`);
  out.push(
    `<figure><figcaption>${esc(w.chartScores)}</figcaption>${barChart(
      w.chartScores,
      scoreCategories(language),
      [{ name: w.score, color: "#2f6fb3", values: model.scoreBins }],
    )}</figure>`,
  );
  const ranks = rankBuckets(model, language);
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
  const tags = tagRows(model, language);
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
                  `${esc(personText(c.mentor))} <span class="nw">· ${score2(c.score, language)} <span class="tag ${c.hasRoom ? "room" : "full"}">${esc(c.hasRoom ? w.hasRoom : w.full)}</span></span>`,
              )
              .join("<br>");
      out.push(
        `<tr><td>${esc(personText(u.mentee))}</td><td>${esc(reasonText(u.reason, language))}</td><td>${closest}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    if (model.unmatched.length > REPORT_ROW_LIMIT)
      out.push(
        `<p class="muted">${esc(moreRowsText(language, model.unmatched.length - REPORT_ROW_LIMIT, "unmatched.csv"))}</p>`,
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
        )}</p>${more > 0 ? `<p class="muted">${esc(moreRowsText(language, more, "unmatched.csv"))}</p>` : ""}`,
    );
  }
  out.push(`<h2>${esc(w.excludedTitle)} (${model.excluded.length})</h2>`);
  if (model.excluded.length > 0) {
    out.push(
      `<table><thead><tr><th>${esc(w.id)}</th><th>${esc(w.role)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>`,
    );
    for (const e of model.excluded.slice(0, REPORT_ROW_LIMIT)) {
      out.push(
        `<tr><td>${esc(e.id)}</td><td>${esc(e.role === "mentor" ? w.roleMentor : w.roleMentee)}</td><td>${esc(reasonText(e.reason, language))}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
    if (model.excluded.length > REPORT_ROW_LIMIT)
      out.push(
        `<p class="muted">${esc(moreRowsText(language, model.excluded.length - REPORT_ROW_LIMIT, "excluded.csv"))}</p>`,
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
            ? `<p class="muted">${esc(moreRowsText(language, model.warnings.length - REPORT_ROW_LIMIT, language === "ru" ? "сообщениях команды" : "the command's messages"))}</p>`
            : ""
        }`,
  );
  out.push("</section></main></body></html>\n");
  return out.join("\n");
}
