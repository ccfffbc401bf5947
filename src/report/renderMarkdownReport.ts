/** The same report as Markdown, for a wiki, an e-mail or a repository. */

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
import { words } from "./_internal/i18n.js";
import type { ReportModel } from "./buildReportModel.js";
import { moreRowsText, pushAll, REPORT_ROW_LIMIT } from "./_internal/limits.js";
import { reasonText } from "./texts.js";

/**
 * Text from the questionnaires (names, file names) as literal Markdown: the characters that make emphasis,
 * code, links or inline HTML are escaped, so `<script>`, `[link](…)` or `**` show as typed (`|` and line
 * breaks are the table cells' business, see `cell`).
 */
function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>&~]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`,
  );
}

/**
 * The one escaping function of the Markdown report: any text, as literal Markdown that stays inside one
 * table cell or one list line (`|` escaped, line breaks made spaces). Every value that comes from the input
 * — names, ids, tags, criterion labels, reasons, warnings — goes through it, by construction: tables and
 * lists take plain text and escape each cell themselves.
 */
export function md(text: string): string {
  return literal(text)
    .replace(/\|/g, "\\|")
    .replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** A person as plain text (escaped where it is written). */
function person(p: Parameters<typeof personText>[0]): string {
  return personText(p);
}

/** A table of plain-text cells, each escaped by {@link md}; at most `limit` rows, then a line saying how many more. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  cut?: { readonly language: Language; readonly file: string },
): string[] {
  const lines = [`| ${header.map(md).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  const shown = cut === undefined ? rows.length : Math.min(rows.length, REPORT_ROW_LIMIT);
  for (let k = 0; k < shown; k++) lines.push(`| ${rows[k]!.map(md).join(" | ")} |`);
  if (shown < rows.length) lines.push("", md(moreRowsText(cut!.language, rows.length - shown, cut!.file)));
  return lines;
}

/**
 * Renders the report as Markdown: the same sections as the HTML report, charts as tables.
 *
 * Complexity: O(size of the model).
 *
 * @param model - from `buildReportModel`.
 * @param options - the language.
 * @returns the Markdown text.
 * @throws never.
 *
 * @example
 * writeFileSync("report.md", renderMarkdownReport(model, { language: "en" }));
 */
export function renderMarkdownReport(
  model: ReportModel,
  options: { readonly language?: Language } = {},
): string {
  const language = options.language ?? "ru";
  const w = words(language);
  const out: string[] = [`# ${w.title}`, "", w.footer, "", `## ${w.summary}`, ""];
  pushAll(out, table(["", ""], summaryRows(model, language)));
  out.push("");

  out.push(`## ${w.charts}`, "", `### ${w.chartScores}`, "");
  pushAll(
    out,
    table(
      [w.score, w.pairs],
      scoreCategories(language).map((c, k) => [c, String(model.scoreBins[k] ?? 0)]),
    ),
  );
  out.push("");
  const ranks = rankBuckets(model, language);
  out.push(`### ${w.chartRanks}`, "");
  pushAll(
    out,
    table(
      [w.choice, w.chartRanksMentee, w.chartRanksMentor],
      ranks.categories.map((c, k) => [c, String(ranks.mentee[k]), String(ranks.mentor[k])]),
    ),
  );
  out.push("");
  out.push(`### ${w.chartFill}`, "");
  if (model.fill.length <= 40) {
    pushAll(
      out,
      table(
        [w.mentor, w.capacity],
        model.fill.map((f) => [person(f.mentor), `${f.taken} / ${f.capacity}`]),
      ),
    );
    out.push("");
  } else {
    const b = fillBuckets(model);
    pushAll(
      out,
      table(
        [w.chartFill, w.mentors],
        [
          [w.idle, String(b.idle)],
          [w.partly, String(b.partly)],
          [w.filled, String(b.full)],
        ],
      ),
    );
    out.push("");
  }
  const tags = tagRows(model, language);
  if (tags.length > 0) {
    out.push(`### ${w.chartTags}`, "");
    pushAll(
      out,
      table(
        [w.tag, w.covered],
        tags.map((t) => [t.label, `${t.matched} / ${t.mentees}`]),
        { language, file: "pairs.csv" },
      ),
    );
    out.push("");
  }

  out.push(`## ${w.pairs} (${model.counts.matched})`, "");
  const pairRows: string[][] = [];
  for (const g of model.groups) {
    for (const p of g.pairs) {
      if (pairRows.length > REPORT_ROW_LIMIT) break;
      pairRows.push([
        `${person(g.mentor)} (${g.pairs.length}/${g.capacity})`,
        person(p.mentee),
        score2(p.score, language),
        p.menteeChoice === null ? "—" : String(p.menteeChoice),
        String(p.menteeRank),
        p.reasons
          .map((r) => `${bilingual(r.label, language)} +${score2(r.contribution, language)}`)
          .join("; ") +
          (p.noData.length === 0
            ? ""
            : ` (${w.noData}: ${p.noData.map((l) => bilingual(l, language)).join("; ")})`),
      ]);
    }
  }
  // Only the rows shown are built; the count of the rest comes from the model.
  const pairTable = table(
    [w.mentor, w.mentee, w.score, w.rankMentee, w.rankScore, w.reasons],
    pairRows.slice(0, REPORT_ROW_LIMIT),
  );
  pushAll(out, pairTable);
  if (model.counts.matched > REPORT_ROW_LIMIT)
    out.push("", md(moreRowsText(language, model.counts.matched - REPORT_ROW_LIMIT, "pairs.csv")));
  out.push("");

  out.push(`## ${w.unmatchedTitle} (${model.unmatched.length})`, "", w.unmatchedNote, "");
  if (model.unmatched.length > 0) {
    pushAll(
      out,
      table(
        [w.mentee, w.reason, w.closest],
        model.unmatched
          .slice(0, REPORT_ROW_LIMIT + 1)
          .map((u) => [
            person(u.mentee),
            reasonText(u.reason, language),
            u.closest.length === 0
              ? w.noneClosest
              : u.closest
                  .map(
                    (c) =>
                      `${person(c.mentor)} ${score2(c.score, language)} (${c.hasRoom ? w.hasRoom : w.full})`,
                  )
                  .join("; "),
          ]),
        { language, file: "unmatched.csv" },
      ),
    );
    if (model.unmatched.length > REPORT_ROW_LIMIT + 1)
      out[out.length - 1] = md(
        moreRowsText(language, model.unmatched.length - REPORT_ROW_LIMIT, "unmatched.csv"),
      );
    out.push("");
  }
  if (model.idleMentors.length > 0) {
    out.push(
      `### ${w.idleMentors} (${model.idleMentors.length})`,
      "",
      model.idleMentors
        .slice(0, REPORT_ROW_LIMIT)
        .map((m) => md(person(m)))
        .join(", "),
      "",
    );
    if (model.idleMentors.length > REPORT_ROW_LIMIT)
      out.push(md(moreRowsText(language, model.idleMentors.length - REPORT_ROW_LIMIT, "unmatched.csv")), "");
  }
  out.push(`## ${w.excludedTitle} (${model.excluded.length})`, "");
  if (model.excluded.length > 0) {
    pushAll(
      out,
      table(
        [w.id, w.role, w.reason],
        model.excluded
          .slice(0, REPORT_ROW_LIMIT + 1)
          .map((e) => [
            e.id,
            e.role === "mentor" ? w.roleMentor : w.roleMentee,
            reasonText(e.reason, language),
          ]),
        { language, file: "excluded.csv" },
      ),
    );
    if (model.excluded.length > REPORT_ROW_LIMIT + 1)
      out[out.length - 1] = md(
        moreRowsText(language, model.excluded.length - REPORT_ROW_LIMIT, "excluded.csv"),
      );
    out.push("");
  }
  out.push(`## ${w.warnings} (${model.warnings.length})`, "");
  if (model.warnings.length === 0) out.push(w.noWarnings, "");
  else {
    for (const m of model.warnings.slice(0, REPORT_ROW_LIMIT)) out.push(`- ${md(m)}`);
    if (model.warnings.length > REPORT_ROW_LIMIT)
      out.push(
        `- ${md(moreRowsText(language, model.warnings.length - REPORT_ROW_LIMIT, language === "ru" ? "сообщениях команды" : "the command's messages"))}`,
      );
    out.push("");
  }
  return out.join("\n");
}
