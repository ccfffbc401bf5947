/** The fields a survey export's columns can be mapped to: the standard ones and one per question. */
import { QUESTION_SYNONYMS, STANDARD_FIELDS, STANDARD_PROFILES } from "./_internal/fields.js";
import { type FieldProfile, isDayWord } from "./_internal/profiles.js";
import type { ColumnField } from "./mapColumns.js";
import type { QuestionSpec } from "./participantTypes.js";

/**
 * The fields a column can be mapped to: the standard ones (id, name, e-mail, consent …, with Russian and
 * English headers) and one `q:<id>` per question, labelled by its labels and id.
 *
 * Complexity: O(number of questions).
 *
 * @param questions - the program's questions.
 * @returns the fields for {@link mapColumns}.
 * @throws never.
 *
 * @example
 * mapColumns(["ФИО", "Хобби"], columnFieldsOf([{ id: "hobby", kind: "text", labels: ["Хобби"] }])).byKey;
 * // Map { "name" => 0, "q:hobby" => 1 }
 */
export function columnFieldsOf(questions: readonly QuestionSpec[]): ColumnField[] {
  const standard = STANDARD_FIELDS.map((f) => {
    const profile = STANDARD_PROFILES[f.key];
    return profile === undefined ? f : { ...f, profile };
  });
  return [...standard, ...questions.map(questionField)];
}

/** A question as a column field: its labels, id and usual wordings; what its values look like. */
function questionField(q: QuestionSpec): ColumnField {
  const profile: FieldProfile =
    q.kind === "number"
      ? { kind: "number" }
      : q.kind === "boolean"
        ? { kind: "yesNo" }
        : q.kind === "text"
          ? { kind: "any" }
          : {
              kind: "choice",
              ...(q.options === undefined ? {} : { options: q.options }),
              ...(q.options !== undefined && q.options.filter(isDayWord).length * 2 >= q.options.length
                ? { days: true }
                : {}),
            };
  return {
    key: `q:${q.id}`,
    labels: [...q.labels, q.id, ...(QUESTION_SYNONYMS[q.id] ?? [])],
    profile,
    role: q.role ?? "both",
  };
}
