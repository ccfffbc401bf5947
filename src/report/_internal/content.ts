/** The localised pieces both the HTML and the Markdown report show. */
import type { Language } from "../../language.js";
import type { Bilingual, ReportModel, ReportPerson } from "../buildReportModel.js";
import { formText, numberText, tagText, words } from "./i18n.js";

export function personText(p: ReportPerson): string {
  return p.name === undefined ? p.id : `${p.name} (${p.id})`;
}

export function bilingual(label: Bilingual, language: Language): string {
  return typeof label === "string" ? label : label[language];
}

/** A score with two decimals, a decimal comma in Russian («0,85»); "—" when not finite. */
export function score2(x: number, language: Language = "en"): string {
  return Number.isFinite(x) ? numberText(x, language, 2) : "—";
}

function pct(a: number, b: number): string {
  return b === 0 ? "—" : `${Math.round((100 * a) / b)} %`;
}

export function summaryRows(model: ReportModel, language: Language): [string, string][] {
  const w = words(language);
  const c = model.counts;
  const tie =
    model.tieBreak === undefined
      ? w.none
      : model.tieBreak.policy === "seeded"
        ? w.seeded(model.tieBreak.seed ?? model.seed)
        : language === "ru"
          ? "по порядку кодов"
          : "by code order";
  return [
    [w.program, formText(model.form, language)],
    // In Russian, the words only; in English, the name a command takes too.
    [
      w.strategy,
      language === "ru"
        ? (w.strategies[model.strategy] ?? model.strategy)
        : `${model.strategy} — ${w.strategies[model.strategy] ?? model.strategy}`,
    ],
    [w.seed, String(model.seed)],
    [w.tieBreak, tie],
    [w.participants, String(c.mentors + c.mentees + c.excluded)],
    [w.mentors, String(c.mentors)],
    [w.mentees, String(c.mentees)],
    [w.matched, `${c.matched} (${pct(c.matched, c.mentees)})`],
    [w.unmatched, String(c.unmatched)],
    [w.excluded, String(c.excluded)],
    [w.meanScore, score2(model.metrics.meanScore, language)],
    [w.minScore, score2(model.metrics.minScore, language)],
    [w.fill, `${c.matched} / ${c.seats} (${pct(c.matched, c.seats)})`],
    [w.blocking, String(model.metrics.blockingPairs)],
  ];
}

/** Rank buckets 1..5, 6+, not ranked, for mentees and mentors. */
export function rankBuckets(
  model: ReportModel,
  language: Language,
): { categories: string[]; mentee: number[]; mentor: number[] } {
  const w = words(language);
  const categories = ["1", "2", "3", "4", "5", "6+", w.notRanked];
  const bucket = (p: { counts: readonly number[]; unranked: number }): number[] => {
    const out = new Array<number>(7).fill(0);
    p.counts.forEach((n, r) => {
      out[Math.min(r, 5)]! += n;
    });
    out[6] = p.unranked;
    return out;
  };
  return {
    categories,
    mentee: bucket(model.metrics.menteeRanks),
    mentor: bucket(model.metrics.mentorRanks),
  };
}

export function scoreCategories(language: Language = "en"): string[] {
  const out: string[] = [];
  for (let k = 0; k < 10; k++) out.push(`${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}`);
  const short = out.map((s) => s.replace(/^0\./, ".").replace(/–0\./, "–.").replace("–1.0", "–1"));
  // Russian: «0–0,1», «0,1–0,2» … (a leading comma is not how Russian writes a number).
  return language === "ru"
    ? out.map((s) => s.replace("0.0–", "0–").replace("–1.0", "–1").replace(/\./g, ","))
    : short;
}

/** Fill buckets: idle, partly filled, full. */
export function fillBuckets(model: ReportModel): { idle: number; partly: number; full: number } {
  let idle = 0;
  let partly = 0;
  let full = 0;
  for (const f of model.fill) {
    if (f.taken === 0) idle++;
    else if (f.taken < f.capacity) partly++;
    else full++;
  }
  return { idle, partly, full };
}

export function tagRows(
  model: ReportModel,
  language: Language,
): { label: string; matched: number; mentees: number }[] {
  return [...model.metrics.byTag]
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .map((t) => ({ label: tagText(t.tag, language), matched: t.matched, mentees: t.mentees }));
}
