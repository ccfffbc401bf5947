/**
 * The .xlsx exports of the corpus (fixtures/corpus/xlsx, written by scripts/write-xlsx-corpus.ts; see
 * fixtures/corpus/README-xlsx.md): each goes through `init` then `match` with no hand edit. Pinned: the
 * columns mapped, the counts, every input row in exactly one output CSV, pairs.xlsx written, and no reason
 * in pairs.json that the answers do not support (issue 14, failure 12).
 */
import {
  type Language,
  parseParticipants,
  parseProgram,
  type Program,
  readCsv,
  readParticipants,
} from "mentor-match";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSheet } from "../_xlsx.js";
import { runInProcess } from "../cli/_run.js";
import { supportedByAnswers } from "../scoring/_reasons.js";

const CORPUS = resolve(import.meta.dirname, "../../fixtures/corpus/xlsx");
const dir = mkdtempSync(join(tmpdir(), "mm-xlsx-corpus-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Export {
  readonly name: string;
  readonly form: string;
  readonly files: Readonly<Record<"--mentors" | "--mentees" | "--input", string>> | Record<string, string>;
  readonly language: Language;
  /** Columns init must map (header → field), at least. */
  readonly mapped: Readonly<Record<string, string>>;
  readonly counts: { readonly rows: number; readonly pairs: number; readonly excluded: number };
}

const EXPORTS: readonly Export[] = [
  {
    name: "yandex",
    form: "student-student",
    files: { "--mentors": "yandex-mentors.xlsx", "--mentees": "yandex-mentees.xlsx" },
    language: "ru",
    mapped: {
      ID: "id",
      "Время создания": "timestamp",
      "Фамилия, имя, отчество": "name",
      Класс: "grade",
      "Формат встреч": "q:format",
      "Согласие родителя (законного представителя) на обработку персональных данных": "guardianConsent",
    },
    counts: { rows: 12, pairs: 4, excluded: 2 },
  },
  {
    name: "google",
    form: "college-student",
    files: { "--input": "google-sheets-college.xlsx" },
    language: "ru",
    mapped: {
      "Отметка времени": "timestamp",
      "Роль в программе": "role",
      "С чем нужна помощь": "q:request",
      "С чем могу помочь": "q:canHelpWith",
      "Формат встреч": "q:format",
      "Согласие на обработку персональных данных": "consent",
      "Согласие родителя (законного представителя)": "guardianConsent",
    },
    counts: { rows: 7, pairs: 3, excluded: 1 },
  },
  {
    name: "microsoft",
    form: "teacher-teacher",
    files: { "--input": "microsoft-forms-teachers.xlsx" },
    language: "en",
    mapped: {
      // Microsoft Forms' «ID» is the response number (1, 2, 3 …), not a participant's code.
      ID: "ignore",
      Email: "email",
      Role: "role",
      "Subject taught": "q:subject",
      "Where I can support a colleague": "q:competenciesOffered",
      "Where I need support": "q:competenciesNeeded",
      "Meeting format": "q:format",
      "Convenient meeting times": "q:schedule",
    },
    counts: { rows: 7, pairs: 3, excluded: 0 },
  },
];

/** The data rows of an output CSV (none when it has only its header). */
function csvRows(path: string): string[][] {
  try {
    return readCsv(new Uint8Array(readFileSync(path)), { file: path }).rows.map((r) => [...r.cells]);
  } catch (error) {
    if ((error as { code?: string }).code === "HEADER_ONLY") return [];
    throw error;
  }
}

describe.each(EXPORTS)("the $name export (.xlsx)", (x) => {
  const files = Object.entries(x.files).flatMap(([flag, file]) => [flag, join(CORPUS, file)]);
  const config = join(dir, `${x.name}.json`);
  const out = join(dir, x.name);
  let program: Program;

  it("init maps its columns and writes a config", async () => {
    const run = await runInProcess(
      ["init", "--form", x.form, ...files, "--out", config, "--lang", x.language],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(config, "utf8"));
    expect(json.columns).toMatchObject(x.mapped);
    program = parseProgram(json);
  });

  it("match runs on it unchanged, writes pairs.xlsx, and accounts for every row once", async () => {
    const run = await runInProcess(
      ["match", ...files, "--config", config, "--out", out, "--lang", x.language],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const pairs = csvRows(join(out, "pairs.csv"));
    const unmatched = csvRows(join(out, "unmatched.csv"));
    const excluded = csvRows(join(out, "excluded.csv"));
    expect(pairs).toHaveLength(x.counts.pairs);
    expect(excluded).toHaveLength(x.counts.excluded);
    // Mentors appear once per mentee in pairs.csv: count people, not rows.
    const ids = new Set<string>();
    for (const r of pairs) ids.add(`mentor:${r[0]}`).add(`mentee:${r[2]}`);
    const roleOf = (word: string) => (/^(наставник|mentor)$/i.test(word) ? "mentor" : "mentee");
    for (const r of unmatched) ids.add(`${roleOf(r[1]!)}:${r[0]}`);
    for (const r of excluded) ids.add(`${roleOf(r[1]!)}:${r[0]}`);
    expect(ids.size).toBe(x.counts.rows);
    // pairs.xlsx: the same pairs, read back.
    const book = await readSheet(new Uint8Array(readFileSync(join(out, "pairs.xlsx"))));
    expect(book.slice(1).map(({ cells: r }) => [r[0], r[2]])).toEqual(pairs.map((r) => [r[0], r[2]]));
  });

  it("cites no reason its answers do not support", async () => {
    const sources = [];
    for (const [flag, file] of Object.entries(x.files)) {
      // The export as exceljs reads it (not the CLI's own reader): header, then rows with sheet numbers.
      const [header, ...rows] = await readSheet(new Uint8Array(readFileSync(join(CORPUS, file))));
      const table = {
        file,
        encoding: "utf-8",
        delimiter: ",",
        header: header!.cells,
        rows,
        problems: [],
      } as const;
      sources.push(
        flag === "--input"
          ? { table }
          : { table, role: flag === "--mentors" ? ("mentor" as const) : ("mentee" as const) },
      );
    }
    const read = readParticipants(sources, {
      questions: program.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        labels: [q.label.ru, q.label.en],
        role: q.role,
        ...(q.options === undefined ? {} : { options: q.options }),
      })),
      ...(program.columns === undefined ? {} : { columns: program.columns }),
    });
    const people = new Map(parseParticipants(program, read.participants).map((p) => [p.id, p]));
    const json = JSON.parse(readFileSync(join(out, "pairs.json"), "utf8"));
    let cited = 0;
    for (const g of json.groups) {
      for (const m of g.mentees) {
        for (const r of m.reasons as { label: { ru: string } }[]) {
          const criterion = program.criteria.find(
            (c) => (c.label?.ru ?? "") === r.label.ru || (c.id ?? c.kind) === r.label.ru,
          )!;
          expect(criterion, r.label.ru).toBeDefined();
          expect(
            supportedByAnswers(criterion, people.get(m.id)!, people.get(g.mentor.id)!),
            `${g.mentor.id}–${m.id}: ${r.label.ru}`,
          ).toBe(true);
          cited++;
        }
      }
    }
    expect(cited).toBeGreaterThan(0);
  });
});

describe("--sheet", () => {
  const book = join(CORPUS, "google-sheets-college.xlsx");
  it("names the sheet to read", async () => {
    const run = await runInProcess(
      ["validate", "--input", book, "--sheet", "Ответы на форму (1)", "--form", "college-student"],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
  });
  it("a sheet the workbook does not have is an input error naming its sheets", async () => {
    const run = await runInProcess(
      ["validate", "--input", book, "--sheet", "Лист2", "--form", "college-student"],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "в книге нет листа «Лист2»; её листы: «Ответы на форму (1)». Укажите в --sheet",
    );
  });
});
