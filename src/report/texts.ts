/** Words a school coordinator reads, in Russian and English: reasons, column names, report headings. */
import type { Language } from "../language.js";

const REASONS: Readonly<Record<string, { readonly ru: string; readonly en: string }>> = {
  "no-eligible-partner": {
    ru: "нет ни одного подходящего наставника (правила программы исключают все пары)",
    en: "no eligible mentor (the program's rules rule out every pair)",
  },
  "excluded-by-rule": {
    ru: "все возможные пары запрещены правилом (запрещённые пары)",
    en: "every possible pair is forbidden by a rule (forbidden pairs)",
  },
  "below-min-score": {
    ru: "все возможные пары ниже минимального балла совместимости",
    en: "every possible pair scores below the minimum score",
  },
  "mentors-full": {
    ru: "подходящие наставники уже заняты (нет свободных мест)",
    en: "the eligible mentors are full (no seats left)",
  },
  "no-gain": {
    ru: "у подходящего наставника есть место, но пара не повышает общий балл (балл 0 или ниже)",
    en: "an eligible mentor has room, but the pair would not raise the total score (a score of 0 or less)",
  },
  "idle-mentor": {
    ru: "наставнику пока не подобран наставляемый",
    en: "no mentee has been matched with this mentor yet",
  },
  "no-consent": {
    ru: "нет согласия на обработку персональных данных",
    en: "no consent to the processing of personal data",
  },
  "guardian-consent-missing": {
    ru: "нет согласия родителя (законного представителя) несовершеннолетнего",
    en: "no consent of a parent or guardian of a minor",
  },
  "zero-capacity": {
    ru: "наставник указал, что не может взять наставляемых",
    en: "the mentor can take no mentees",
  },
  "ineligible-role": {
    ru: "не проходит правило программы для этой роли (стаж, класс, возраст или ответ)",
    en: "does not meet an eligibility rule of the program for this role (experience, grade, age or an answer)",
  },
  "missing-experience": { ru: "не указан стаж", en: "no experience given" },
  "missing-grade": { ru: "не указан класс", en: "no grade given" },
  "missing-age": { ru: "не указан возраст", en: "no age given" },
  "missing-answer": {
    ru: "нет ответа, нужного правилу программы",
    en: "no answer to a question a rule of the program needs",
  },
  "invalid-record": { ru: "анкета заполнена с ошибками", en: "the questionnaire has errors" },
  superseded: {
    ru: "анкета отправлена повторно: эту строку заменила более поздняя (или такая же)",
    en: "the questionnaire was sent again: a later (or identical) row replaced this one",
  },
  "conflicting-submissions": {
    ru: "несколько анкет одного участника расходятся (одно время отправки или один e-mail у разных кодов): оставьте одну",
    en: "submissions of one participant disagree (the same time, or one e-mail under different codes): keep one",
  },
};

/**
 * The words for a reason code (why a mentee is unmatched, why a participant is excluded), in `language`.
 *
 * Complexity: O(1).
 *
 * @param code - a reason code such as `mentors-full` or `no-consent`.
 * @param language - `ru` or `en`.
 * @returns the words; an unknown code is returned as it is.
 * @throws never.
 *
 * @example
 * reasonText("no-consent", "en"); // "no consent to the processing of personal data"
 */
export function reasonText(code: string, language: Language): string {
  // Own keys only: a reason such as "valueOf" must not reach Object.prototype.
  const entry = Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  return entry === undefined ? code : entry[language];
}
