/** The participant reader's consent cells: own and a guardian's consent, read as yes, no or blank. */
import { InputFileError } from "../../errors.js";
import { parseYesNo } from "../parseYesNo.js";
import type { ParticipantRecord } from "../participantTypes.js";
import type { RowReading, RowView } from "./participantDraft.js";

/**
 * Reads the consent cells of a row into `record.consent` / `record.guardianConsent`. A blank cell leaves
 * the field unset; a cell that is not a plain yes or no is a problem, or with `unclearConsent: "no"` no
 * consent and an `UNCLEAR_CONSENT` warning. Never read as yes. O(1).
 */
export function readConsentCells(reading: RowReading, view: RowView, record: ParticipantRecord): void {
  const { col } = reading.columns;
  const { problems, warnings } = reading;
  const { file, row, at, columnName } = view;
  for (const key of ["consent", "guardianConsent"] as const) {
    if (col(key) === -1) continue;
    const v = parseYesNo(at(key));
    if (v === undefined && reading.unclearConsent === "no") {
      // A documented choice of the coordinator: an unclear consent is no consent, with a warning.
      record[key] = false;
      warnings.push({
        code: "UNCLEAR_CONSENT",
        message:
          "The consent cell is not a plain yes or no; it is read as no consent and the participant is left out.",
        location: { file, row, column: columnName(key) },
        details: { what: key },
      });
    } else if (v === undefined) {
      problems.push(
        new InputFileError(
          "INVALID_VALUE",
          "The consent cell is not a plain yes or no (a question mark, «частично», «+-», «да/нет» are neither).",
          {
            location: { file, row, column: columnName(key) },
            hint: "Write «да» or «нет» (yes or no); a blank cell means no consent.",
            details: { what: "consent" },
          },
        ),
      );
    } else if (v !== null) record[key] = v;
    // A blank cell leaves the field unset: no consent, but not a «нет» (a minor's own blank is not a refusal).
  }
}
