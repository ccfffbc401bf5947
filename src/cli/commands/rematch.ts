/**
 * `mentor-match rematch`: today's questionnaires and the pairs in force in; the whole programme, what
 * changed (changes.csv) and a report with the part for the amendment to the order out. Calls the library
 * directly (programme, reading, scoring, re-matching, report).
 */
import type { Language } from "../../language.js";
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { type NamedPerson, matchPeople } from "../../csv/matchPeople.js";
import { readCsv } from "../../csv/readCsv.js";
import { type QuestionSpec, readParticipants } from "../../csv/readParticipants.js";
import {
  InfeasibleError,
  InputFileError,
  isMentorMatchError,
  type MentorMatchError,
  ProgramError,
} from "../../errors.js";
import { safeParseParticipants } from "../../questionnaire/parseParticipants.js";
import { parseProgram } from "../../questionnaire/parseProgram.js";
import { preset } from "../../questionnaire/presets.js";
import type { Program } from "../../questionnaire/program.js";
import { priceOfStability } from "../../rematch/priceOfStability.js";
import { rematch } from "../../rematch/rematch.js";
import { rematchMatchResult } from "../../rematch/rematchMatchResult.js";
import type { EndedPair, IdPair, RematchStrategy } from "../../rematch/types.js";
import { buildReportModel } from "../../report/buildReportModel.js";
import { renderChanges } from "../../report/renderChanges.js";
import { renderOutputs } from "../../report/renderOutputs.js";
import { scoreParticipants } from "../../scoring/scoreParticipants.js";
import { EXIT } from "../_internal/exit.js";
import { type InputOptions, inConfigFile, loadSources } from "../_internal/inputs.js";
import { reportView } from "../_internal/library.js";
import { type CliIo, readInputFile } from "../_internal/io.js";
import { errorText, SAY, warningText } from "../_internal/messages.js";
import { writeOutputs } from "../_internal/writeOutputs.js";

export interface RematchCommandOptions extends InputOptions {
  /** The previous run's results folder, or its pairs.json. */
  readonly previous: string;
  /** ended.csv: mentor code, mentee code, reason. */
  readonly ended?: string;
  /** keep.csv: mentor code, mentee code — who stays when a mentor's capacity is lowered. */
  readonly keep?: string;
  readonly allowMoves?: number;
  readonly moveMargin?: number;
  readonly strategy?: string;
  readonly seed?: number;
  readonly out: string;
  readonly delimiter?: Delimiter;
  readonly displayOut?: string;
}

const SAY_REMATCH = {
  ru: {
    strategy: "Повторный подбор работает способами stable, optimal и fair.",
    summary: (k: number, n: number, e: number, m: number) =>
      `Пары: сохранено ${k}, новых ${n}, расформировано ${e}, переведено ${m}.`,
    price: (a: number, b: number, changed: number) =>
      `Подбор с нуля дал бы пар: ${b} (сейчас ${a}) и изменил бы назначений: ${changed}.`,
    unresolved: (file: string, k: number, role: string, why: string) =>
      `${file}: пара ${k} — ${role} ${why === "ambiguous" ? "подходит нескольким участникам сегодняшних анкет (уточните код)" : "не найден в сегодняшних анкетах (по коду, e-mail и ФИО): пара расформирована"}.`,
    mentor: "наставник",
    mentee: "наставляемый",
  },
  en: {
    strategy: "Re-matching takes the strategies stable, optimal and fair.",
    summary: (k: number, n: number, e: number, m: number) =>
      `Pairs: ${k} kept, ${n} new, ${e} dissolved, ${m} moved.`,
    price: (a: number, b: number, changed: number) =>
      `Matching from scratch would give ${b} pairs (now ${a}) and change ${changed} assignments.`,
    unresolved: (file: string, k: number, role: string, why: string) =>
      `${file}: pair ${k} — the ${role} ${why === "ambiguous" ? "fits several people of today's questionnaires (give the code)" : "is not in today's questionnaires (by code, e-mail and full name): the pair is dissolved"}.`,
    mentor: "mentor",
    mentee: "mentee",
  },
} as const;

/** The library's note on an ended entry that is not a pair in force, as a row of ended.csv. */
function noteText(note: string, language: Language): string {
  const m = /^ended entry (\d+) is not a pair in force/.exec(note);
  if (m === null) return note;
  const row = Number(m[1]) + 1; // the header is row 1
  return language === "ru"
    ? `строка ${row}: такой действующей пары нет; пара всё равно запрещена.`
    : `row ${row}: no such pair in force; the pair is forbidden all the same.`;
}

function questionsOf(program: Program): QuestionSpec[] {
  return program.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    labels: [q.label.ru, q.label.en],
    role: q.role,
    ...(q.options === undefined ? {} : { options: q.options }),
  }));
}

/** The programme: the config file if given, else the preset of --form. */
function loadProgram(io: CliIo, options: InputOptions): Program {
  if (options.config !== undefined) {
    const text = new TextDecoder("utf-8").decode(readInputFile(io, options.config)).replace(/^\uFEFF/, "");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ProgramError("INVALID_PROGRAM", "The programme config is not valid JSON.", {
        location: { file: options.config },
        hint: "Fix the JSON, or write a new config with `mentor-match init`.",
      });
    }
    try {
      return parseProgram(json);
    } catch (error) {
      throw inConfigFile(error, options.config, true);
    }
  }
  if (options.form !== undefined) return preset(options.form as Program["form"]);
  throw new ProgramError("INVALID_OPTION", "No programme: give --config or --form.", {
    hint: "Give --config (a programme config) or --form (a form of mentoring).",
  });
}

/** A pair named in a previous run's file, with the names it gives. */
interface NamedPair {
  readonly mentor: { id: string; name?: string };
  readonly mentee: { id: string; name?: string };
}

function person(value: unknown): { id: string; name?: string } | null {
  if (typeof value === "string" && value.trim() !== "") return { id: value.trim() };
  if (typeof value !== "object" || value === null) return null;
  const { id, name } = value as { id?: unknown; name?: unknown };
  if (typeof id !== "string" || id.trim() === "") return null;
  return typeof name === "string" && name.trim() !== "" ? { id: id.trim(), name } : { id: id.trim() };
}

/**
 * The pairs in force from a previous run: its `pairs.json` (`groups[].mentor` and `groups[].mentees[]`), or a
 * list `[{ mentor, mentee }]` (codes or `{ id, name }`). A folder means its pairs.json.
 */
function readPrevious(io: CliIo, path: string): { file: string; pairs: NamedPair[] } {
  let file = path;
  try {
    readInputFile(io, path);
  } catch (error) {
    if (isMentorMatchError(error) && error.details?.reason === "folder") file = join(path, "pairs.json");
    else throw error;
  }
  const text = new TextDecoder("utf-8").decode(readInputFile(io, file)).replace(/^\uFEFF/, "");
  const bad = (problem: string) =>
    new InputFileError("INVALID_VALUE", problem, {
      location: { file },
      hint: "Give the results folder of the previous run (with pairs.json) or its pairs.json.",
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad("The file is not valid JSON.");
  }
  const pairs: NamedPair[] = [];
  if (Array.isArray(json)) {
    json.forEach((entry, k) => {
      const mentor = person((entry as { mentor?: unknown })?.mentor);
      const mentee = person((entry as { mentee?: unknown })?.mentee);
      if (mentor === null || mentee === null) throw bad(`Pair ${k + 1} has no mentor or mentee code.`);
      pairs.push({ mentor, mentee });
    });
    return { file, pairs };
  }
  const groups = (json as { groups?: unknown })?.groups;
  if (!Array.isArray(groups)) throw bad("The file has no list of groups (not the pairs.json of a run).");
  groups.forEach((g, k) => {
    const mentor = person((g as { mentor?: unknown })?.mentor);
    const mentees = (g as { mentees?: unknown })?.mentees;
    if (mentor === null || !Array.isArray(mentees))
      throw bad(`Group ${k + 1} has no mentor code or no mentees.`);
    mentees.forEach((m, q) => {
      const mentee = person(m);
      if (mentee === null) throw bad(`Group ${k + 1}, mentee ${q + 1} has no code.`);
      pairs.push({ mentor, mentee });
    });
  });
  return { file, pairs };
}

function columnOf(header: readonly string[], test: (h: string) => boolean): number {
  return header.findIndex((h) => test(h.trim().toLowerCase()));
}

/** ended.csv (with a reason) or keep.csv: mentor code, mentee code[, reason]; row numbers as a spreadsheet shows them. */
function readPairList(
  io: CliIo,
  path: string,
  withReason: boolean,
  delimiter: Delimiter | undefined,
): { mentor: string; mentee: string; reason: string; row: number }[] {
  const table = readCsv(readInputFile(io, path), {
    file: path,
    ...(delimiter === undefined ? {} : { delimiter }),
  });
  if (table.problems.length > 0) throw table.problems[0];
  const h = table.header;
  const mentee = columnOf(h, (x) => x.includes("наставляем") || x.includes("mentee"));
  const mentor = columnOf(
    h,
    (x) =>
      (x.includes("наставник") && !x.includes("наставляем")) ||
      (x.includes("mentor") && !x.includes("mentee")),
  );
  const reason = columnOf(h, (x) => x.includes("причин") || x.includes("reason"));
  const missing =
    mentor === -1
      ? "mentor code"
      : mentee === -1
        ? "mentee code"
        : withReason && reason === -1
          ? "reason"
          : null;
  if (missing !== null) {
    throw new InputFileError("MISSING_COLUMN", `No column "${missing}".`, {
      location: { file: path, column: missing },
      hint: withReason
        ? "Give ended.csv the columns: mentor code, mentee code, reason (код наставника, код наставляемого, причина)."
        : "Give keep.csv the columns: mentor code, mentee code (код наставника, код наставляемого).",
    });
  }
  return table.rows.map((r) => {
    const cells = r.cells;
    const get = (k: number) => (k < 0 ? "" : (cells[k] ?? "").trim());
    for (const [k, name] of [
      [mentor, h[mentor]!],
      [mentee, h[mentee]!],
      ...(withReason ? ([[reason, h[reason]!]] as const) : []),
    ] as const) {
      if (get(k) === "") {
        throw new InputFileError("MISSING_VALUE", "The cell is empty.", {
          location: { file: path, row: r.row, column: name },
          hint: "Fill in the code (or the reason), or delete the row.",
        });
      }
    }
    return { mentor: get(mentor), mentee: get(mentee), reason: get(reason), row: r.row };
  });
}

/** Runs `rematch`; returns the exit code. */
export async function rematchCommand(
  io: CliIo,
  options: RematchCommandOptions,
  language: Language,
): Promise<number> {
  const say = SAY_REMATCH[language];
  if (options.input === undefined && (options.mentors === undefined || options.mentees === undefined)) {
    io.stderr(`${SAY[language].needInput}\n`);
    return EXIT.usage;
  }
  const strategy = options.strategy;
  if (strategy !== undefined && strategy !== "stable" && strategy !== "optimal" && strategy !== "fair") {
    io.stderr(`${say.strategy}\n`);
    return EXIT.usage;
  }
  const fail = (problems: readonly unknown[]): number => {
    for (const p of problems) io.stderr(`${errorText(p, language)}\n`);
    return problems.some((p) => p instanceof InfeasibleError) ? EXIT.infeasible : EXIT.input;
  };
  // Read everything, collecting every problem before stopping.
  const problems: MentorMatchError[] = [];
  const attempt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (error) {
      if (!isMentorMatchError(error)) throw error;
      problems.push(error);
      return null;
    }
  };
  const program = attempt(() => loadProgram(io, options));
  const { sources, problems: fileProblems } = loadSources(io, options);
  problems.push(...fileProblems);
  const previous = attempt(() => readPrevious(io, options.previous));
  const endedRows =
    options.ended === undefined
      ? []
      : attempt(() => readPairList(io, options.ended!, true, options.inputDelimiter));
  const keepRows =
    options.keep === undefined
      ? []
      : attempt(() => readPairList(io, options.keep!, false, options.inputDelimiter));
  if (program === null || problems.length > 0) return fail(problems);
  const read = readParticipants(sources, {
    questions: questionsOf(program),
    requireConsent: program.requireConsent,
    ...(program.columns === undefined ? {} : { columns: program.columns }),
  });
  if (read.problems.length > 0) return fail(read.problems);
  const parsed = safeParseParticipants(program, read.participants);
  if (!parsed.success) return fail([parsed.error]);
  const warnings = read.warnings.map((w) => warningText(w, language));
  const seed = options.seed ?? program.seed ?? 0;
  const scored = scoreParticipants(program, parsed.data);

  // The people of the previous run and of the coordinator's lists, found among today's.
  const known = read.participants.map((p) => ({ id: p.id, role: p.role, email: p.email, name: p.name }));
  const names = new Map<string, string>();
  for (const p of known) if (p.name !== undefined) names.set(p.id, p.name);
  const resolveAll = (people: NamedPerson[]) => matchPeople(known, people);
  const prevPairs: IdPair[] = [];
  const prev = previous!;
  const found = resolveAll(
    prev.pairs.flatMap((p) => [
      { ...p.mentor, role: "mentor" as const },
      { ...p.mentee, role: "mentee" as const },
    ]),
  );
  prev.pairs.forEach((p, k) => {
    const ids = [found[2 * k]!, found[2 * k + 1]!];
    const roles = [say.mentor, say.mentee];
    const people = [p.mentor, p.mentee];
    const resolved = ids.map((id, s) => {
      if (id !== null && id !== "ambiguous") return id;
      warnings.push(say.unresolved(prev.file, k + 1, roles[s]!, id === null ? "missing" : "ambiguous"));
      // Someone not found today is gone from the programme: their previous code keeps the pair's record.
      const code = `${people[s]!.id}`;
      if (people[s]!.name !== undefined && !names.has(code)) names.set(code, people[s]!.name!);
      return code;
    });
    prevPairs.push({ mentor: resolved[0]!, mentee: resolved[1]! });
  });
  const resolveList = <T extends { mentor: string; mentee: string }>(rows: readonly T[]): T[] => {
    const ids = resolveAll(
      rows.flatMap((r) => [
        { id: r.mentor, role: "mentor" as const },
        { id: r.mentee, role: "mentee" as const },
      ]),
    );
    return rows.map((r, k) => ({
      ...r,
      mentor: typeof ids[2 * k] === "string" && ids[2 * k] !== "ambiguous" ? ids[2 * k]! : r.mentor,
      mentee:
        typeof ids[2 * k + 1] === "string" && ids[2 * k + 1] !== "ambiguous" ? ids[2 * k + 1]! : r.mentee,
    }));
  };
  // A pair in force named by a previous code that resolved today: the coordinator's lists may use either.
  const byPrevious = new Map<string, string>();
  prev.pairs.forEach((p, k) => {
    byPrevious.set(`mentor\u0000${p.mentor.id}`, prevPairs[k]!.mentor);
    byPrevious.set(`mentee\u0000${p.mentee.id}`, prevPairs[k]!.mentee);
  });
  const viaPrevious = <T extends { mentor: string; mentee: string }>(r: T): T => ({
    ...r,
    mentor: byPrevious.get(`mentor\u0000${r.mentor}`) ?? r.mentor,
    mentee: byPrevious.get(`mentee\u0000${r.mentee}`) ?? r.mentee,
  });
  const ended: EndedPair[] = resolveList(endedRows!.map(viaPrevious)).map((r) => ({
    mentor: r.mentor,
    mentee: r.mentee,
    reason: r.reason,
  }));
  const keep: IdPair[] = resolveList(keepRows!.map(viaPrevious)).map((r) => ({
    mentor: r.mentor,
    mentee: r.mentee,
  }));

  let result: ReturnType<typeof rematch>;
  try {
    result = rematch(
      {
        instance: { ...scored.instance, seed },
        mentees: scored.mentees,
        mentors: scored.mentors,
        excluded: scored.excluded,
        ineligibleReason: scored.ineligibleReason,
      },
      prevPairs,
      {
        strategy: (strategy ??
          (program.strategy === "optimal" || program.strategy === "fair"
            ? program.strategy
            : "stable")) as RematchStrategy,
        ended,
        keep,
        ...(options.allowMoves === undefined ? {} : { maxMoves: options.allowMoves }),
        ...(options.moveMargin === undefined ? {} : { moveMargin: options.moveMargin }),
      },
    );
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    return fail([error]);
  }
  for (const note of result.notes)
    warnings.push(`${options.ended ?? "ended.csv"}, ${noteText(note, language)}`);
  const full = rematchMatchResult(result);
  const price = priceOfStability(result);

  const view = reportView(scored);
  const model = buildReportModel({
    form: program.form,
    mentees: view.mentees,
    mentors: view.mentors,
    result: full,
    score: view.score,
    explain: view.explain,
    // The place the mentee gave this mentor in its named list (as in `match`).
    choice: (i, j) => {
      const place = scored.mentees[i]!.preferences.indexOf(scored.mentors[j]!.id);
      return place === -1 ? undefined : place + 1;
    },
    excluded: view.excluded,
    warnings,
    seed,
  });
  const delimiter = options.delimiter === undefined ? {} : { delimiter: options.delimiter };
  const files: Record<string, string> = { ...renderOutputs(model, { language, ...delimiter }) };
  const changes = renderChanges({ result, price, names }, { language, ...delimiter });
  files["changes.csv"] = changes.csv;
  files["report.md"] = `${files["report.md"]!.trimEnd()}\n\n${changes.markdown}`;
  const html = files["report.html"]!;
  const at = html.lastIndexOf("</main>");
  files["report.html"] =
    at < 0 ? html + changes.html : `${html.slice(0, at)}${changes.html}\n${html.slice(at)}`;
  await writeOutputs(io, options.out, files, {
    onInterrupt: (committed) => io.stderr(`\n${SAY[language].interrupted(committed)}\n`),
  });

  const shown = options.displayOut ?? options.out;
  for (const w of warnings) io.stderr(`${language === "ru" ? "Предупреждение" : "Warning"}: ${w}\n`);
  io.stdout(`${SAY[language].read(scored.mentors.length, scored.mentees.length, scored.excluded.length)}\n`);
  const c = result.counts;
  io.stdout(`${say.summary(c.kept, c.new, c.ended, c.moved)}\n`);
  io.stdout(`${say.price(price.rematch.matched, price.fromScratch.matched, price.pairsChanged)}\n`);
  io.stdout(
    `${SAY[language].done(model.counts.matched, model.counts.mentees, model.counts.unmatched, shown)}\n`,
  );
  io.stdout(
    `${SAY[language].wrote}\n${Object.keys(files)
      .map((f) => `  ${join(shown, f)}`)
      .join("\n")}\n`,
  );
  return EXIT.ok;
}
