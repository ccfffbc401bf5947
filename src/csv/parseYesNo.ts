/** Yes/no answers as curators and form builders write them, in Russian and English. */
import { normalizeKey } from "./_internal/text.js";

const YES = new Set([
  "да",
  "д",
  "yes",
  "y",
  "+",
  "true",
  "1",
  "истина",
  "ok",
  "ок",
  "v",
  "✓",
  "✔",
  "☑",
  "согласен",
  "согласна",
  "согласен(на)",
  "согласен/согласна",
  "agree",
  "i agree",
  "да, согласен",
  "да, согласна",
  "даю",
  "даю согласие",
  "получено",
  "есть",
  "имеется",
  "подписано",
  "подписал",
  "подписала",
]);
const NO = new Set([
  "нет",
  "н",
  "no",
  "n",
  "-",
  "–",
  "—",
  "false",
  "0",
  "ложь",
  "не согласен",
  "не согласна",
  "не даю",
  "disagree",
  "не получено",
  "нет согласия",
  "отсутствует",
  "не подписано",
  "none",
]);

/**
 * Words that make a consent sentence a "no": withdrawn, refused, absent, lost, expired, cancelled, pending,
 * promised for later. Checked before the words of a "yes", so «Согласие отсутствует» is no consent.
 */
const NOT_GIVEN = new RegExp(
  [
    "(^|\\s)(без|without)(\\s|$)",
    "отозва|отзыв|отказ|отсутств|аннулир|утер|утрач|просроч|истек|истёк|недействит|отменен|отменён",
    "ожида|позже|позднее|потом|будет|в процессе|оформля|на подпис|не сдан",
    "withdr|revok|refus|absent|missing|lost|expired|cancel|annul|invalid|pending|awaiting|later|in progress",
  ].join("|"),
);

/**
 * Marks of an answer that is not a plain yes or no: a question mark, "partly", "maybe", "except", "but",
 * a yes and a no together («+-», «да/нет», «yes or no»). Such a cell is never read as a yes.
 */
const UNCLEAR = new RegExp(
  [
    "\\?",
    "±|\\+\\s*[-–—/]|[-–—/]\\s*\\+",
    "частичн|отчасти|наполовину|не полност|не совсем|не уверен|не знаю|возможно|может быть|наверно|вероятно",
    "(^|[^а-яё])(кроме|но|однако|если|или|либо|хз)([^а-яё]|$)",
    "\\b(partial|partly|partially|maybe|perhaps|probably|unsure|not sure|except|but|however|if|or|unless)\\b",
    "(^|[^а-яёa-z])(да|yes|y|д)\\s*[/\\\\|]\\s*(нет|no|n|н)([^а-яёa-z]|$)",
    "(^|[^а-яёa-z])(нет|no|n|н)\\s*[/\\\\|]\\s*(да|yes|y|д)([^а-яёa-z]|$)",
  ].join("|"),
  "i",
);

/**
 * Reads a yes/no cell: «Да», «да», «+», «yes», «1», «Согласен» → `true`; «Нет», «-», «no», «0» → `false`;
 * a blank cell → `null`; anything else → `undefined` (the caller reports it). Long consent sentences
 * («Я даю согласие на обработку персональных данных») count as yes unless they hold a negation or say the
 * consent is absent, withdrawn, lost, expired or not yet given («Согласие отсутствует», «будет позже»).
 * A cell is yes only when it is unambiguously yes: «+-», «+ -», «Да?», «частично», «да/нет», «Согласен
 * частично», «да, но …» are `undefined` (not understood), never `true`.
 *
 * Complexity: O(length of the cell).
 *
 * @param cell - the cell as exported.
 * @returns `true`, `false`, `null` (blank) or `undefined` (not understood, or not a plain yes or no).
 * @throws never.
 *
 * @example
 * parseYesNo(" Да "); // true
 * parseYesNo("-"); // false
 * parseYesNo("+-"); // undefined
 */
export function parseYesNo(cell: string): boolean | null | undefined {
  const trimmed = cell.trim();
  if (trimmed === "") return null;
  if (trimmed === "-" || trimmed === "+") return trimmed === "+";
  if (UNCLEAR.test(trimmed.toLowerCase().replace(/ё/g, "е"))) return undefined;
  const key = normalizeKey(trimmed);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  if (/(^|\s)(не|not|no|don't|do not)\s/.test(`${key} `) || /(^|\s)нет(\s|$)|несоглас/.test(key))
    return false;
  // Consent that is withdrawn, refused, absent, lost, expired, cancelled or not yet given is no consent.
  if (NOT_GIVEN.test(key)) return false;
  if (/соглас|даю|agree|consent|подтвержда|получен|подписан/.test(key)) return true;
  return undefined;
}
