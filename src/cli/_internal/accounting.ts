/** "Nobody lost": the invariant checked at the end of every `match` run, before anything is written. */
import type { Language } from "../../language.js";
import type { DroppedRow } from "../../csv/readParticipants.js";
import { MentorMatchError } from "../../errors.js";
import type { Bilingual, ReportModel } from "../../report/buildReportModel.js";

/** What excluded.csv says about a dropped row: its own row and the rows that replaced or conflict with it. */
export function droppedNote(d: DroppedRow): Bilingual {
  const rows = (language: Language) =>
    d.by
      .map((r) => (language === "ru" ? `${r.file}, строка ${r.row}` : `${r.file}, row ${r.row}`))
      .join("; ");
  return d.reason === "superseded"
    ? {
        ru: `${d.source.file}, строка ${d.source.row}; заменена: ${rows("ru")}`,
        en: `${d.source.file}, row ${d.source.row}; replaced by ${rows("en")}`,
      }
    : {
        ru: `${d.source.file}, строка ${d.source.row}; расходится с: ${rows("ru")}`,
        en: `${d.source.file}, row ${d.source.row}; conflicts with ${rows("en")}`,
      };
}

/**
 * Checks that every data row read is in exactly one of pairs.csv, unmatched.csv and excluded.csv: each
 * participant kept is paired, unmatched (a mentee, or an idle mentor) or excluded exactly once, and each
 * row not kept is one excluded.csv line of its own; the counts add up to the rows read.
 *
 * Complexity: O(participants).
 *
 * @param model - the report model the outputs are rendered from.
 * @param inputRows - the data rows of the files read.
 * @param droppedRows - the rows not kept (superseded, conflicting): each must be one excluded entry.
 * @throws MentorMatchError `INTERNAL` when the invariant does not hold (the outputs are then not written).
 */
export function checkEveryoneAccounted(model: ReportModel, inputRows: number, droppedRows: number): void {
  const seen = new Map<string, number>();
  const count = (role: string, id: string) => {
    const key = `${role}\u0000${id}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  };
  let lines = 0;
  for (const g of model.groups) {
    if (g.pairs.length > 0) {
      count("mentor", g.mentor.id);
      lines++;
    }
    for (const p of g.pairs) {
      count("mentee", p.mentee.id);
      lines++;
    }
  }
  for (const u of model.unmatched) {
    count("mentee", u.mentee.id);
    lines++;
  }
  for (const m of model.idleMentors) {
    count("mentor", m.id);
    lines++;
  }
  let rowLines = 0;
  for (const e of model.excluded) {
    if (e.reason === "superseded" || e.reason === "conflicting-submissions") {
      rowLines++;
      continue;
    }
    count(e.role, e.id);
    lines++;
  }
  const participantExcluded = model.excluded.length - rowLines;
  const twice = [...seen.values()].filter((n) => n !== 1).length;
  const kept = model.counts.mentors + model.counts.mentees + participantExcluded;
  if (twice > 0 || rowLines !== droppedRows || lines !== kept || lines + droppedRows !== inputRows) {
    throw new MentorMatchError(
      "INTERNAL",
      `The outputs would not account for every input row once (rows read ${inputRows}; paired, unmatched or excluded ${lines + droppedRows}; in more than one place ${twice}); nothing was written.`,
      {
        hint: "This is a bug in mentor-match: please report it with the command and the counts above (not the files).",
        details: { inputRows, accounted: lines + droppedRows, twice },
      },
    );
  }
}
