/** The same report as Markdown, for a wiki, an e-mail or a repository. */

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
import { type Lang, reasonText } from "./texts.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

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

/** A person as literal Markdown. */
function person(p: Parameters<typeof personText>[0]): string {
  return literal(personText(p));
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
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
 * writeFileSync("report.md", renderMarkdownReport(model, { lang: "en" }));
 */
export function renderMarkdownReport(model: ReportModel, options: { readonly lang?: Lang } = {}): string {
  const lang = options.lang ?? "ru";
  const w = words(lang);
  const out: string[] = [`# ${w.title}`, "", w.footer, "", `## ${w.summary}`, ""];
  out.push(...table(["", ""], summaryRows(model, lang)), "");

  out.push(`## ${w.charts}`, "", `### ${w.chartScores}`, "");
  out.push(
    ...table(
      [w.score, w.pairs],
      scoreCategories(lang).map((c, k) => [c, String(model.scoreBins[k] ?? 0)]),
    ),
    "",
  );
  const ranks = rankBuckets(model, lang);
  out.push(`### ${w.chartRanks}`, "");
  out.push(
    ...table(
      [w.choice, w.chartRanksMentee, w.chartRanksMentor],
      ranks.categories.map((c, k) => [c, String(ranks.mentee[k]), String(ranks.mentor[k])]),
    ),
    "",
  );
  out.push(`### ${w.chartFill}`, "");
  if (model.fill.length <= 40) {
    out.push(
      ...table(
        [w.mentor, w.capacity],
        model.fill.map((f) => [person(f.mentor), `${f.taken} / ${f.capacity}`]),
      ),
      "",
    );
  } else {
    const b = fillBuckets(model);
    out.push(
      ...table(
        [w.chartFill, w.mentors],
        [
          [w.idle, String(b.idle)],
          [w.partly, String(b.partly)],
          [w.filled, String(b.full)],
        ],
      ),
      "",
    );
  }
  const tags = tagRows(model, lang);
  if (tags.length > 0) {
    out.push(`### ${w.chartTags}`, "");
    out.push(
      ...table(
        [w.tag, w.covered],
        tags.map((t) => [t.label, `${t.matched} / ${t.mentees}`]),
      ),
      "",
    );
  }

  out.push(`## ${w.pairs} (${model.counts.matched})`, "");
  const pairRows: string[][] = [];
  for (const g of model.groups) {
    for (const p of g.pairs) {
      pairRows.push([
        `${person(g.mentor)} (${g.pairs.length}/${g.capacity})`,
        person(p.mentee),
        score2(p.score, lang),
        p.menteeChoice === null ? "—" : String(p.menteeChoice),
        String(p.menteeRank),
        p.reasons.map((r) => `${bilingual(r.label, lang)} +${score2(r.contribution, lang)}`).join("; ") +
          (p.noData.length === 0
            ? ""
            : ` (${w.noData}: ${p.noData.map((l) => bilingual(l, lang)).join("; ")})`),
      ]);
    }
  }
  out.push(...table([w.mentor, w.mentee, w.score, w.rankMentee, w.rankScore, w.reasons], pairRows), "");

  out.push(`## ${w.unmatchedTitle} (${model.unmatched.length})`, "", w.unmatchedNote, "");
  if (model.unmatched.length > 0) {
    out.push(
      ...table(
        [w.mentee, w.reason, w.closest],
        model.unmatched.map((u) => [
          person(u.mentee),
          reasonText(u.reason, lang),
          u.closest.length === 0
            ? w.noneClosest
            : u.closest
                .map(
                  (c) => `${person(c.mentor)} ${score2(c.score, lang)} (${c.hasRoom ? w.hasRoom : w.full})`,
                )
                .join("; "),
        ]),
      ),
      "",
    );
  }
  if (model.idleMentors.length > 0) {
    out.push(
      `### ${w.idleMentors} (${model.idleMentors.length})`,
      "",
      model.idleMentors.map((m) => person(m)).join(", "),
      "",
    );
  }
  out.push(`## ${w.excludedTitle} (${model.excluded.length})`, "");
  if (model.excluded.length > 0) {
    out.push(
      ...table(
        [w.id, w.role, w.reason],
        model.excluded.map((e) => [
          e.id,
          e.role === "mentor" ? w.roleMentor : w.roleMentee,
          reasonText(e.reason, lang),
        ]),
      ),
      "",
    );
  }
  out.push(`## ${w.warnings} (${model.warnings.length})`, "");
  if (model.warnings.length === 0) out.push(w.noWarnings, "");
  else out.push(...model.warnings.map((m) => `- ${cell(literal(m))}`), "");
  return out.join("\n");
}
