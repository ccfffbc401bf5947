/**
 * Prints a comparison table (from `compareStrategies`) for people: aligned text for a terminal, or
 * Markdown for a report; headings in English or Russian.
 */
import type { Language } from "../language.js";
import { MatchingInputError } from "../errors.js";
import type { ComparisonTable, RankSummary, StrategySummary } from "./compareStrategies.js";

/** Options of {@link formatComparison}. */
export interface FormatComparisonOptions {
  /** `text`: aligned columns; `markdown`: GitHub tables. @defaultValue "text" */
  readonly format?: "text" | "markdown";
  /** Language of the headings. @defaultValue "en" */
  readonly language?: Language;
  /** How many first ranks the rank-profile table shows before "later". @defaultValue 3 */
  readonly ranks?: number;
}

const HEAD = {
  en: {
    title: "Strategies compared",
    runs: (t: ComparisonTable) =>
      `${t.instances} instance${t.instances === 1 ? "" : "s"}; randomised strategies × ${t.seeds.length} seed${t.seeds.length === 1 ? "" : "s"}; means per run.`,
    strategy: "strategy",
    matched: "matched",
    unmatched: "unmatched",
    total: "total score",
    mean: "mean score",
    min: "min score",
    menteeRank: "mentee rank",
    mentorRank: "mentor rank",
    menteeWorst: "mentee worst",
    mentorWorst: "mentor worst",
    blocking: "blocking pairs",
    stable: "stable runs",
    profiles: "Rank profiles (share of matched pairs by the place each side gave its partner)",
    side: "side",
    mentees: "mentees",
    mentors: "mentors",
    choice: (r: number) => `choice ${r}`,
    later: "later",
    tags: "By tag (matched / mentees, mean score)",
    tag: "tag",
  },
  ru: {
    title: "Сравнение стратегий",
    runs: (t: ComparisonTable) =>
      `Экземпляров: ${t.instances}; случайные стратегии × ${t.seeds.length} (число зёрен); средние на один запуск.`,
    strategy: "стратегия",
    matched: "в парах",
    unmatched: "без пары",
    total: "сумма баллов",
    mean: "средний балл",
    min: "мин. балл",
    menteeRank: "ранг у наставляемых",
    mentorRank: "ранг у наставников",
    menteeWorst: "худший (наставляемые)",
    mentorWorst: "худший (наставники)",
    blocking: "блокирующие пары",
    stable: "устойчивых запусков",
    profiles: "Профили рангов (доля пар по месту партнёра в списке каждой стороны)",
    side: "сторона",
    mentees: "наставляемые",
    mentors: "наставники",
    choice: (r: number) => `выбор ${r}`,
    later: "дальше",
    tags: "По меткам (в парах / всего, средний балл)",
    tag: "метка",
  },
} as const;

const fixed = (x: number | null, digits: number): string => (x === null ? "—" : x.toFixed(digits));
const percent = (x: number): string => `${(100 * x).toFixed(0)} %`;

function shares(p: RankSummary, first: number): string[] {
  let ranked = 0;
  for (const c of p.counts) ranked += c;
  const out: string[] = [];
  let later = 0;
  for (let r = 0; r < p.counts.length; r++) if (r >= first) later += p.counts[r]!;
  for (let r = 0; r < first; r++) out.push(ranked === 0 ? "—" : percent((p.counts[r] ?? 0) / ranked));
  out.push(ranked === 0 ? "—" : percent(later / ranked));
  return out;
}

function render(
  header: readonly string[],
  body: readonly (readonly string[])[],
  format: "text" | "markdown",
): string {
  if (format === "markdown") {
    const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
    const rule = `|${header.map((_, k) => (k === 0 ? "---" : "---:")).join("|")}|`;
    return [line(header), rule, ...body.map(line)].join("\n");
  }
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/**
 * Formats a comparison table: the means per strategy, the rank profiles of both sides, and figures by tag
 * when the instances have tags. O(size of the table).
 *
 * @param table - from `compareStrategies`.
 * @param options - text or Markdown, language of the headings, ranks shown.
 * @returns the printable text (no trailing newline).
 * @throws MatchingInputError (`INVALID_OPTION`) for an unknown format or language.
 * @example
 * console.log(formatComparison(compareStrategies(instance, ["stable", "optimal"]), { format: "markdown" }));
 */
export function formatComparison(table: ComparisonTable, options: FormatComparisonOptions = {}): string {
  const format = options.format ?? "text";
  const language = options.language ?? "en";
  const first = options.ranks ?? 3;
  if (format !== "text" && format !== "markdown") {
    throw new MatchingInputError(
      "INVALID_OPTION",
      `format must be "text" or "markdown", got ${String(format)}.`,
    );
  }
  if (language !== "en" && language !== "ru") {
    throw new MatchingInputError("INVALID_OPTION", `language must be "en" or "ru", got ${String(language)}.`);
  }
  if (!Number.isInteger(first) || first < 1)
    throw new MatchingInputError("INVALID_OPTION", "ranks must be a whole number ≥ 1.");
  const h = HEAD[language];
  const heading = (text: string) =>
    format === "markdown" ? `### ${text}` : `${text}\n${"=".repeat(text.length)}`;
  const main = render(
    [
      h.strategy,
      h.matched,
      h.unmatched,
      h.total,
      h.mean,
      h.min,
      h.menteeRank,
      h.mentorRank,
      h.menteeWorst,
      h.mentorWorst,
      h.blocking,
      h.stable,
    ],
    table.summary.map((s: StrategySummary) => [
      s.strategy,
      fixed(s.matched, 1),
      fixed(s.unmatched, 1),
      fixed(s.totalScore, 2),
      fixed(s.meanScore, 3),
      fixed(s.minScore, 3),
      fixed(s.menteeRankMean, 2),
      fixed(s.mentorRankMean, 2),
      fixed(s.menteeWorstRank, 1),
      fixed(s.mentorWorstRank, 1),
      fixed(s.blockingPairs, 1),
      percent(s.stableShare),
    ]),
    format,
  );
  const rankHeader: string[] = [h.strategy, h.side];
  for (let r = 1; r <= first; r++) rankHeader.push(h.choice(r));
  rankHeader.push(h.later);
  const rankBody: string[][] = [];
  for (const s of table.summary) {
    rankBody.push([s.strategy, h.mentees, ...shares(s.menteeRanks, first)]);
    rankBody.push([s.strategy, h.mentors, ...shares(s.mentorRanks, first)]);
  }
  const parts = [
    heading(h.title),
    h.runs(table),
    "",
    main,
    "",
    heading(h.profiles),
    "",
    render(rankHeader, rankBody, format),
  ];
  const tags = table.summary[0]?.byTag.map((t) => t.tag) ?? [];
  if (tags.length > 0) {
    const body = table.summary.map((s) => [
      s.strategy,
      ...tags.map((tag) => {
        const t = s.byTag.find((x) => x.tag === tag);
        return t === undefined
          ? "—"
          : `${percent(t.mentees === 0 ? 0 : t.matched / t.mentees)}, ${fixed(t.meanScore, 3)}`;
      }),
    ]);
    parts.push("", heading(h.tags), "", render([h.strategy, ...tags], body, format));
  }
  return parts.join("\n");
}
