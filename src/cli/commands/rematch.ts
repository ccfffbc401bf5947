/**
 * `mentor-match rematch`: today's questionnaires and the pairs in force in; the whole program, what
 * changed (changes.csv) and a report with the part for the amendment to the order out. Reads, scores and
 * writes by the same steps as `match` (runSteps: CSV or Excel inputs, the nobody-lost check, pairs.xlsx,
 * --pseudonymize); only the matching differs (the library's `rematch`).
 */
import { join } from "node:path";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import { type NamedPerson, matchPeople } from "../../csv/matchPeople.js";
import { readCsv } from "../../csv/readCsv.js";
import { InfeasibleError, InputFileError, isMentorMatchError, type MentorMatchError } from "../../errors.js";
import { priceOfStability } from "../../rematch/priceOfStability.js";
import { rematch } from "../../rematch/rematch.js";
import { rematchMatchResult } from "../../rematch/rematchMatchResult.js";
import type { EndedPair, IdPair, RematchResult, RematchStrategy } from "../../rematch/types.js";
import { renderChanges } from "../../report/renderChanges.js";
import type { Language } from "../../language.js";
import { EXIT } from "../_internal/exit.js";
import type { InputOptions } from "../_internal/inputs.js";
import { type CliIo, readInputFile } from "../_internal/io.js";
import { SAY } from "../_internal/messages.js";
import { progress } from "../_internal/progress.js";
import {
  openOutputFolder,
  type RunOutputOptions,
  readRun,
  type ShownPeople,
  writeRunOutputs,
} from "../_internal/runSteps.js";
import { tiePolicy } from "./match.js";
import { printProblems } from "./validate.js";

export interface RematchCommandOptions extends InputOptions, RunOutputOptions {
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
  /** How equal scores are ordered (stable); see {@link tiePolicy}. */
  readonly ties?: "index" | "seeded";
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

/**
 * The re-matching as the outputs show it: ids (and the names by id) through `shown`, so that
 * `--pseudonymize` covers changes.csv and the report's "what changed" too.
 */
function shownChanges(
  result: RematchResult,
  names: ReadonlyMap<string, string>,
  shown: ShownPeople,
): { result: RematchResult; names: Map<string, string> } {
  const shownNames = new Map<string, string>();
  const id = (x: string) => {
    const out = shown.id(x);
    const name = shown.name(x, names.get(x));
    if (name !== undefined) shownNames.set(out, name);
    return out;
  };
  const changes = result.changes.map((c) => ({
    ...c,
    mentee: id(c.mentee),
    mentor: id(c.mentor),
    ...(c.previousMentor === undefined ? {} : { previousMentor: id(c.previousMentor) }),
  }));
  const capacityCuts = result.capacityCuts.map((c) => ({
    ...c,
    mentor: id(c.mentor),
    stayed: c.stayed.map(id),
    ended: c.ended.map(id),
  }));
  return { result: { ...result, changes, capacityCuts }, names: shownNames };
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
  const folder = openOutputFolder(io, options, language);
  if (folder !== null) return folder;
  // The command's own files, read first: their problems are reported with those of the questionnaires.
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
  const previous = attempt(() => readPrevious(io, options.previous));
  const endedRows =
    options.ended === undefined
      ? []
      : attempt(() => readPairList(io, options.ended!, true, options.inputDelimiter));
  const keepRows =
    options.keep === undefined
      ? []
      : attempt(() => readPairList(io, options.keep!, false, options.inputDelimiter));
  const bar = progress(io, 4);
  const prepared = readRun(io, options, language, bar, problems);
  if (typeof prepared === "number") return prepared;
  const { scored, program } = prepared;
  const warnings = [...prepared.warnings];
  const seed = options.seed ?? program.info.seed;

  // The people of the previous run and of the coordinator's lists, found among today's.
  const known = (prepared.records ?? []).map((p) => ({
    id: p.id,
    role: p.role,
    email: p.email,
    name: p.name,
  }));
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
      // Someone not found today is gone from the program: their previous code keeps the pair's record.
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

  bar.step(SAY[language].matching);
  const chosen = (strategy ??
    (program.info.strategy === "optimal" || program.info.strategy === "fair"
      ? program.info.strategy
      : "stable")) as RematchStrategy;
  let result: RematchResult;
  try {
    result = rematch(
      {
        instance: { ...scored.instance, seed },
        mentees: scored.mentees,
        mentors: scored.mentors,
        excluded: scored.excluded,
        ...(scored.ineligibleReason === undefined ? {} : { ineligibleReason: scored.ineligibleReason }),
      },
      prevPairs,
      {
        strategy: chosen,
        // The same tie policy as `match`: --ties, else the config's, else seeded when --seed is given.
        ties: tiePolicy(options, program.info.ties, chosen),
        ended,
        keep,
        ...(options.allowMoves === undefined ? {} : { maxMoves: options.allowMoves }),
        ...(options.moveMargin === undefined ? {} : { moveMargin: options.moveMargin }),
      },
    );
  } catch (error) {
    if (!isMentorMatchError(error)) throw error;
    bar.done();
    printProblems(io, { ...prepared, warnings, problems: [error] }, language);
    return error instanceof InfeasibleError ? EXIT.infeasible : EXIT.input;
  }
  for (const note of result.notes)
    warnings.push(`${options.ended ?? "ended.csv"}, ${noteText(note, language)}`);
  const full = rematchMatchResult(result);
  const price = priceOfStability(result);

  bar.step(SAY[language].writing);
  const delimiter = options.delimiter === undefined ? {} : { delimiter: options.delimiter };
  const { model, written } = await writeRunOutputs(io, {
    prepared,
    result: full,
    seed,
    options,
    language,
    bar,
    warnings,
    otherIds: result.changes.flatMap((c) => [c.mentor, c.mentee]),
    extra: (shown) => {
      const changes = renderChanges(
        { ...shownChanges(result, names, shown), price },
        { language, ...delimiter },
      );
      return { files: { "changes.csv": changes.csv }, markdown: changes.markdown, html: changes.html };
    },
  });
  bar.done();
  printProblems(io, { ...prepared, warnings }, language);
  const shown = options.displayOut ?? options.out;
  io.stdout(`${SAY[language].read(scored.mentors.length, scored.mentees.length, scored.excluded.length)}\n`);
  const c = result.counts;
  io.stdout(`${say.summary(c.kept, c.new, c.ended, c.moved)}\n`);
  io.stdout(`${say.price(price.rematch.matched, price.fromScratch.matched, price.pairsChanged)}\n`);
  io.stdout(
    `${SAY[language].done(model.counts.matched, model.counts.mentees, model.counts.unmatched, shown)}\n`,
  );
  io.stdout(`${SAY[language].wrote}\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  return EXIT.ok;
}
