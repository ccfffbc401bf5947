/**
 * `init`'s proposals for the columns it could not map: a column of repeated answers (a profession, a
 * department, an organisation, a grade that is not a school's) becomes a question of the right kind with
 * a criterion at weight 0, so the coordinator only sets a weight; any other column is `ignore`.
 */
import type { ColumnProfile } from "../../csv/_internal/profiles.js";
import { normalizeKey } from "../../csv/_internal/text.js";
import { NUMERIC_FIELDS, PROFILE_FIELDS } from "../../questionnaire/program.js";

/** Known ordered scales, lowest first: a column whose answers all lie on one is an ordinal question. */
export const ORDERED_SCALES: readonly (readonly string[])[] = [
  // UK Civil Service grades.
  ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3", "SCS4"],
  ["beginner", "intermediate", "advanced", "expert"],
  ["junior", "middle", "senior", "lead"],
  ["low", "medium", "high"],
  ["начальный", "базовый", "средний", "продвинутый", "экспертный"],
  ["низкий", "средний", "высокий"],
  ["молодой специалист", "специалист", "первая категория", "высшая категория"],
];

const SCALE_ALIASES: Readonly<Record<string, string>> = { g7: "grade 7", g6: "grade 6", "scs 1": "scs1" };

/** The answers in the order of a known scale, or undefined. */
function inScaleOrder(values: readonly string[]): string[] | undefined {
  for (const scale of ORDERED_SCALES) {
    const place = new Map(scale.map((s, k) => [normalizeKey(s), k]));
    const placed: [string, number][] = [];
    for (const v of values) {
      const key = normalizeKey(v);
      const k = place.get(SCALE_ALIASES[key] ?? key);
      if (k === undefined) break;
      placed.push([v, k]);
    }
    if (placed.length === values.length && values.length >= 2)
      return placed.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  }
  return undefined;
}

const TRANSLIT: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** A question id from a header: Latin, camelCase, at most 40 characters, not a participant field. */
export function questionIdOf(header: string, taken: ReadonlySet<string>): string {
  const words = [...normalizeKey(header)]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join("")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "")
    .slice(0, 5);
  let id = words
    .map((w, k) => (k === 0 ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join("")
    .slice(0, 40);
  if (!/^[a-z]/.test(id)) id = `q${id}`;
  const reserved = new Set<string>([...NUMERIC_FIELDS, ...PROFILE_FIELDS]);
  if (reserved.has(id)) id = `${id}Answer`;
  let out = id;
  for (let k = 2; taken.has(out); k++) out = `${id}${k}`;
  return out;
}

/** A question and its weight-0 criterion, as JSON for the config. */
export interface Proposal {
  readonly question: Record<string, unknown>;
  readonly criterion: Record<string, unknown>;
  /** What was proposed, for the CLI's line: `single`, `multi`, `ordinal` or `number`. */
  readonly kind: "single" | "multi" | "ordinal" | "number";
}

/**
 * The question a column of repeated answers becomes, or undefined (free text, names, e-mails, dates,
 * one-off answers: the column is ignored). O(distinct values).
 *
 * @param header - the column's header.
 * @param profile - its values (over every file it is in).
 * @param role - who answers it.
 * @param taken - question ids already used.
 */
export function proposeQuestion(
  header: string,
  profile: ColumnProfile,
  role: "mentor" | "mentee" | "both",
  taken: ReadonlySet<string>,
): Proposal | undefined {
  const { filled, share } = profile;
  if (filled < 2) return undefined;
  // Free-text columns by their header: comments, notes, "about me", "anything else".
  if (
    /коммент|примечан|пожелан|о себе|дополнительн|расскажите|почему|comment|note|about you|about me|anything else|other information|why/.test(
      normalizeKey(header),
    )
  )
    return undefined;
  // Names rarely repeat: «HM Treasury», «Home Office» look like names but recur, and are kept.
  const names = share.personName > 0.3 && profile.distinct * 2 > filled;
  if (share.email > 0.2 || names || share.date > 0.5 || share.yesNo > 0.8) return undefined;
  const id = questionIdOf(header, taken);
  const label = { ru: header.slice(0, 300), en: header.slice(0, 300) };
  const note = (kind: string): string =>
    `Proposed by init from column "${header}" (${kind}); set a weight above 0 to use it. / Предложено init по столбцу «${header}»: задайте вес больше 0, чтобы учитывать.`;
  const criterionLabel = { ru: `Столбец «${header}»`.slice(0, 300), en: `Column "${header}"`.slice(0, 300) };
  const repeated = (list: readonly { count: number }[]): boolean => list.some((v) => v.count >= 2);
  // Several answers in a cell, repeated across rows: a multi-choice question.
  if (profile.multiShare >= 0.3 && profile.parts.length <= 60 && repeated(profile.parts)) {
    const options = profile.parts.map((p) => p.value.slice(0, 200));
    return {
      kind: "multi",
      question: { id, kind: "multi", role, label, options, comment: note("multiple choice") },
      criterion: {
        id,
        kind: "overlap",
        question: id,
        weight: 0,
        label: criterionLabel,
        comment: note("shared answers"),
      },
    };
  }
  const small = profile.distinct <= Math.max(2, Math.min(40, Math.floor(filled / 2)));
  if (!small || !repeated(profile.values)) return undefined;
  const values = profile.values.map((v) => v.value.slice(0, 200));
  const ordered = inScaleOrder(values);
  if (ordered !== undefined) {
    return {
      kind: "ordinal",
      question: {
        id,
        kind: "single",
        role,
        label,
        options: ordered,
        comment:
          note("ordinal: options in order, lowest first") +
          ` For "mentor above mentee" add { "kind": "gap", "question": "${id}", "min": 1, "must": true }.`,
      },
      criterion: {
        id,
        kind: "ordinal",
        question: id,
        weight: 0,
        label: criterionLabel,
        comment: note("closeness on the scale"),
      },
    };
  }
  if (share.number >= 0.95) {
    const nums = values.map((v) => Number(v.replace(",", "."))).filter((n) => Number.isFinite(n));
    if (nums.length === values.length && nums.length >= 2) {
      const min = Math.min(...nums);
      const max = Math.max(...nums);
      if (max > min)
        return {
          kind: "number",
          question: { id, kind: "number", role, label, min, max, comment: note("a number") },
          criterion: {
            id,
            kind: "ordinal",
            question: id,
            weight: 0,
            label: criterionLabel,
            comment: note("closeness"),
          },
        };
    }
    return undefined;
  }
  const options = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    kind: "single",
    question: { id, kind: "single", role, label, options, comment: note("single choice") },
    criterion: {
      id,
      kind: "categorical",
      question: id,
      weight: 0,
      label: criterionLabel,
      comment: note("same answer"),
    },
  };
}
