/** Other spellings of the presets' answer options (English first), for reading English exports. */
import { OPTION_EQUIVALENTS } from "./_internal/presetData.js";

/**
 * The other spellings of an answer option of the presets: its English equivalents and common variants
 * («Maths» for «математика», «In person» for «очно»). An option the presets do not use has none.
 *
 * Complexity: O(1).
 *
 * @param option - an option as the program spells it (case matters: the presets' spelling).
 * @returns the equivalents, the English one first; `[]` when there are none.
 * @throws never.
 *
 * @example
 * optionEquivalents("очно"); // ["In person", "Face to face", …]
 * optionEquivalents("Вышивка"); // []
 */
export function optionEquivalents(option: string): readonly string[] {
  return Object.hasOwn(OPTION_EQUIVALENTS, option) ? OPTION_EQUIVALENTS[option]! : [];
}
