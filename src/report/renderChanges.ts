/**
 * "What changed" after a re-matching, as a coordinator fixes it in an amendment to the principal's order:
 * `changes.csv` and a section for report.md and report.html, in Russian or English.
 */
import type { Language } from "../language.js";
import type { Delimiter } from "../csv/detectDelimiter.js";
import { formatCsv } from "../csv/formatCsv.js";
import type { PriceOfStability } from "../rematch/priceOfStability.js";
import type { ChangeReason, RematchChange, RematchResult } from "../rematch/types.js";

/** What {@link renderChanges} reads. */
export interface ChangesInput {
  readonly result: RematchResult;
  /** The distance from a from-scratch run of the same strategy, when computed. */
  readonly price?: PriceOfStability;
  /** Full names by id (today's participants and those of the previous run); a person without one is shown by code. */
  readonly names?: ReadonlyMap<string, string>;
}

/** Options of {@link renderChanges}. */
export interface RenderChangesOptions {
  /** @defaultValue "ru" */
  readonly language?: Language;
  /** @defaultValue "," */
  readonly delimiter?: Delimiter;
}

/** The rendered parts. */
export interface RenderedChanges {
  /** `changes.csv`: change (kept | new | ended | moved), mentor code, mentee code, reason. */
  readonly csv: string;
  /** The "what changed" section in Markdown (a level-2 heading first). */
  readonly markdown: string;
  /** The same section as an HTML fragment (a `<section>`). */
  readonly html: string;
}

const REASON: Record<ChangeReason, { ru: string; en: string }> = {
  "still-valid": { ru: "пара действует", en: "the pair stays in force" },
  "mentee-left": { ru: "наставляемый выбыл из программы", en: "the mentee has left the program" },
  "mentor-left": { ru: "наставник выбыл из программы", en: "the mentor has left the program" },
  "mentee-excluded": {
    ru: "наставляемый исключён из подбора",
    en: "the mentee is left out of matching",
  },
  "mentor-excluded": { ru: "наставник исключён из подбора", en: "the mentor is left out of matching" },
  coordinator: { ru: "решение куратора", en: "the coordinator's decision" },
  "no-longer-eligible": {
    ru: "пара больше не отвечает правилам программы",
    en: "the pair no longer meets the program's rules",
  },
  "forbidden-by-rule": { ru: "пара запрещена правилом", en: "the pair is forbidden by a rule" },
  "below-min-score": {
    ru: "балл пары ниже минимального",
    en: "the pair scores below the minimum",
  },
  "not-on-list": {
    ru: "участник больше не называет партнёра в своём списке",
    en: "a participant's list no longer names the partner",
  },
  "capacity-lowered": {
    ru: "у наставника стало меньше мест",
    en: "the mentor now takes fewer mentees",
  },
  "pinned-elsewhere": {
    ru: "наставляемый закреплён за другим наставником",
    en: "the mentee is pinned to another mentor",
  },
  placed: { ru: "наставляемый ожидал наставника", en: "the mentee was waiting for a mentor" },
  "re-placed": {
    ru: "прежняя пара наставляемого расформирована",
    en: "the mentee's previous pair was dissolved",
  },
  pinned: { ru: "закреплено настройками программы", en: "pinned by the program config" },
  improves: { ru: "перевод улучшает подбор", en: "the move improves the matching" },
};

const DETAIL: Record<string, { ru: string; en: string }> = {
  coordinator: { ru: "выбор куратора", en: "the coordinator's choice" },
  "best-scoring": { ru: "остаются пары с лучшим баллом", en: "the best-scoring pairs stay" },
  "no-consent": { ru: "нет согласия на обработку персональных данных", en: "no consent to data processing" },
  "guardian-consent-missing": {
    ru: "нет согласия родителя (законного представителя)",
    en: "no consent of a parent or guardian",
  },
  "zero-capacity": { ru: "наставник не может взять наставляемых", en: "the mentor takes no mentees" },
  "ineligible-role": { ru: "не проходит по правилам программы", en: "fails a rule of the program" },
};

/** The Russian word for a count: 1 пара, 2 пары, 5 пар, 11 пар, 21 пара. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

const T = {
  ru: {
    header: ["изменение", "код наставника", "код наставляемого", "причина"],
    title: "Что изменилось (для изменения приказа о закреплении наставнических пар)",
    intro: (s: string, k: number, n: number, e: number, mv: number) =>
      `Повторный подбор (способ: ${s}) при сохранении действующих пар: сохраняются ${k}, новых ${n}, расформировано ${e}, переведено ${mv}.`,
    end: "1. Расформировать наставнические пары:",
    move: "2. Перевести наставляемых к другому наставнику:",
    add: "3. Закрепить новые наставнические пары:",
    keep: (k: number) => `4. Остаются в силе без изменений: ${k} ${ruPlural(k, "пара", "пары", "пар")}.`,
    none: "нет",
    pair: (mentor: string, mentee: string) => `наставник ${mentor} — наставляемый ${mentee}`,
    moved: (mentee: string, from: string, to: string) =>
      `${mentee}: от наставника ${from} к наставнику ${to}`,
    cuts: "Уменьшение числа мест у наставника:",
    cut: (mentor: string, cap: number, stayed: string, rule: string) =>
      `${mentor}: мест ${cap}; остаются ${stayed} (${rule}).`,
    price: "Цена сохранения пар (сравнение с подбором с нуля тем же способом):",
    priceLine: (a: number, b: number, ta: string, tb: string, changed: number) =>
      `пар ${a} (с нуля — ${b}); общий балл ${ta} (с нуля — ${tb}); подбор с нуля изменил бы ${changed} ${ruPlural(changed, "назначение", "назначения", "назначений")}.`,
    moves: (k: number, limit: number, margin: number) =>
      limit === 0
        ? "Переводы действующих пар не разрешались."
        : `Разрешено переводов: до ${limit}, каждый — при улучшении не меньше чем на ${margin} балла; сделано: ${k}.`,
    by: "причина",
  },
  en: {
    header: ["change", "mentor code", "mentee code", "reason"],
    title: "What changed (for the amendment to the order fixing the mentoring pairs)",
    intro: (s: string, k: number, n: number, e: number, mv: number) =>
      `Re-matching (strategy: ${s}) keeping the pairs in force: ${k} kept, ${n} new, ${e} dissolved, ${mv} moved.`,
    end: "1. Dissolve the mentoring pairs:",
    move: "2. Move mentees to another mentor:",
    add: "3. Fix the new mentoring pairs:",
    keep: (k: number) => `4. Unchanged and still in force: ${k} ${k === 1 ? "pair" : "pairs"}.`,
    none: "none",
    pair: (mentor: string, mentee: string) => `mentor ${mentor} — mentee ${mentee}`,
    moved: (mentee: string, from: string, to: string) => `${mentee}: from mentor ${from} to mentor ${to}`,
    cuts: "Mentors who now take fewer mentees:",
    cut: (mentor: string, cap: number, stayed: string, rule: string) =>
      `${mentor}: ${cap} seats; staying: ${stayed} (${rule}).`,
    price: "The price of keeping the pairs (against matching from scratch by the same strategy):",
    priceLine: (a: number, b: number, ta: string, tb: string, changed: number) =>
      `${a} pairs (from scratch: ${b}); total score ${ta} (from scratch: ${tb}); a fresh run would change ${changed} ${changed === 1 ? "assignment" : "assignments"}.`,
    moves: (k: number, limit: number, margin: number) =>
      limit === 0
        ? "Moving pairs in force was not allowed."
        : `Moves allowed: up to ${limit}, each only when it improves the matching by at least ${margin}; made: ${k}.`,
    by: "reason",
  },
} as const;

function reasonOf(c: RematchChange, language: Language, who: (id: string) => string): string {
  let text = REASON[c.reason][language];
  if (c.detail !== undefined && c.detail !== "") {
    text += `: ${DETAIL[c.detail]?.[language] ?? c.detail}`;
  }
  if (c.change === "moved" && c.previousMentor !== undefined) {
    text +=
      language === "ru"
        ? ` (прежний наставник ${who(c.previousMentor)})`
        : ` (previous mentor ${who(c.previousMentor)})`;
  }
  return text;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Renders what a re-matching changed: `changes.csv` (one row per pair: kept, new, ended or moved, with the
 * reason in words) and a section worded for the amendment to the order — the pairs dissolved, the mentees
 * moved, the new pairs, how many stay unchanged, the capacity cuts and the rule that chose who stays, the
 * moves allowed and made, and the price of keeping the pairs against a from-scratch run.
 *
 * Complexity: O(changes).
 *
 * @param input - the re-matching, optionally its price of stability and the names by id.
 * @param options - language and CSV delimiter.
 * @returns the CSV text and the Markdown and HTML sections.
 * @throws never.
 * @example
 * const { csv } = renderChanges({ result: rematch(input, previous) }, { language: "en" });
 */
export function renderChanges(input: ChangesInput, options: RenderChangesOptions = {}): RenderedChanges {
  const language = options.language ?? "ru";
  const t = T[language];
  const { result, price, names } = input;
  const code = (id: string) => id;
  const who = (id: string) => {
    const name = names?.get(id);
    return name === undefined || name === "" ? id : `${name} (${id})`;
  };
  const rows = result.changes.map((c) => [c.change, c.mentor, c.mentee, reasonOf(c, language, code)]);
  const csv = formatCsv(t.header, rows, {
    delimiter: options.delimiter ?? (options.language === "en" ? "," : ";"),
  });

  // Plain lines, then rendered as Markdown or HTML.
  type Block = { heading: string; items: string[] } | { line: string };
  const blocks: Block[] = [];
  const c = result.counts;
  blocks.push({ line: t.intro(result.strategy, c.kept, c.new, c.ended, c.moved) });
  const item = (ch: RematchChange) =>
    `${t.pair(who(ch.mentor), who(ch.mentee))} — ${reasonOf(ch, language, who)}`;
  blocks.push({ heading: t.end, items: result.changes.filter((x) => x.change === "ended").map(item) });
  blocks.push({
    heading: t.move,
    items: result.changes
      .filter((x) => x.change === "moved")
      .map((x) => t.moved(who(x.mentee), who(x.previousMentor ?? ""), who(x.mentor))),
  });
  blocks.push({ heading: t.add, items: result.changes.filter((x) => x.change === "new").map(item) });
  blocks.push({ line: t.keep(c.kept) });
  if (result.capacityCuts.length > 0) {
    blocks.push({
      heading: t.cuts,
      items: result.capacityCuts.map((cut) =>
        t.cut(
          who(cut.mentor),
          cut.capacity,
          cut.stayed.map(who).join(", ") || t.none,
          DETAIL[cut.rule]![language],
        ),
      ),
    });
  }
  blocks.push({ line: t.moves(result.moves, result.moveRule.maxMoves, result.moveRule.margin) });
  if (price !== undefined) {
    blocks.push({
      heading: t.price,
      items: [
        t.priceLine(
          price.rematch.matched,
          price.fromScratch.matched,
          price.rematch.totalScore.toFixed(2),
          price.fromScratch.totalScore.toFixed(2),
          price.pairsChanged,
        ),
      ],
    });
  }

  const md: string[] = [`## ${escapeMd(t.title)}`, ""];
  const html: string[] = [`<section id="changes"><h2>${escapeHtml(t.title)}</h2>`];
  for (const b of blocks) {
    if ("line" in b) {
      md.push(escapeMd(b.line), "");
      html.push(`<p>${escapeHtml(b.line)}</p>`);
      continue;
    }
    md.push(escapeMd(b.heading), "");
    html.push(`<p>${escapeHtml(b.heading)}</p>`);
    const items = b.items.length === 0 ? [t.none] : b.items;
    for (const it of items) md.push(`- ${escapeMd(it)}`);
    md.push("");
    html.push(`<ul>${items.map((it) => `<li>${escapeHtml(it)}</li>`).join("")}</ul>`);
  }
  html.push("</section>");
  return { csv, markdown: `${md.join("\n").trimEnd()}\n`, html: html.join("\n") };
}
