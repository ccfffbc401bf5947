/**
 * End-to-end: the built `mentor-match` (dist/cli/main.js) on survey exports as schools have them.
 */
import { readCsv } from "mentor-match";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, runBuilt } from "./_built.js";

const work = mkdtempSync(join(tmpdir(), "mm-cli-"));
beforeAll(() => {
  ensureBuilt();
  cpSync(join(ROOT, "fixtures/csv"), work, { recursive: true });
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rowsOf(dir: string, name: string): string[][] {
  const bytes = readFileSync(join(dir, name));
  // An output with no rows is just its header line.
  if (bytes.toString("utf8").trimEnd().split("\r\n").length === 1) return [];
  return readCsv(bytes, { file: name }).rows.map((r) => [...r.cells]);
}

/** Every id in pairs / unmatched / excluded, with the file it is in. */
function accounted(dir: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const add = (id: string, where: string) => seen.set(id, [...(seen.get(id) ?? []), where]);
  for (const r of rowsOf(dir, "pairs.csv")) {
    add(r[2]!, "pairs");
    if (!seen.get(r[0]!)?.includes("pairs")) add(r[0]!, "pairs");
  }
  for (const r of rowsOf(dir, "unmatched.csv")) add(r[0]!, "unmatched");
  // A superseded row is a line of its own (the person is also where their latest row put them).
  for (const r of rowsOf(dir, "excluded.csv")) if (r[2] !== "superseded") add(r[0]!, "excluded");
  return seen;
}

describe("match on a Yandex Forms export (Windows-1251, ;, Russian headers)", () => {
  const out = join(work, "out-yandex");
  let run: ReturnType<typeof runBuilt>;
  beforeAll(() => {
    run = runBuilt(
      [
        "match",
        "--mentors",
        "yandex-1251/mentors.csv",
        "--mentees",
        "yandex-1251/mentees.csv",
        "--config",
        "program.json",
        "--out",
        out,
        "--delimiter",
        ";",
      ],
      work,
    );
  });
  it("exits 0 and writes every output", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "excluded.csv",
      "pairs.csv",
      "pairs.json",
      "pairs.xlsx",
      "report.html",
      "report.md",
      "unmatched.csv",
    ]);
    expect(run.stdout).toContain("Прочитано: наставников 4, наставляемых 8; исключено до подбора: 3.");
  });
  it("pairs.csv is UTF-8 with BOM and ;, readable with Cyrillic", () => {
    const bytes = readFileSync(join(out, "pairs.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toMatch(/^\uFEFFКод наставника;Наставник;Код наставляемого;/);
  });
  it("accounts for every participant exactly once; the excluded only by code", () => {
    const seen = accounted(out);
    const mentees = [...seen].filter(([id]) => id.startsWith("S-"));
    const mentors = [...seen].filter(([id]) => id.startsWith("M-"));
    // 10 mentee rows and 5 mentor rows, no duplicates: all of them, each in one place.
    expect(mentees.length).toBe(10);
    expect(mentors.length).toBe(5);
    for (const [, where] of seen) expect(new Set(where).size).toBe(1);
    const excluded = rowsOf(out, "excluded.csv");
    // Row 6: a minor whose own answer is «-» (no), though the guardian said yes: a no.
    expect(excluded.map((r) => r[2]).sort()).toEqual([
      "guardian-consent-missing",
      "no-consent",
      "zero-capacity",
    ]);
    const excludedIds = excluded.map((r) => r[0]!);
    const names = readFileSync(join(ROOT, "fixtures/csv/yandex-1251/mentees.csv"));
    expect(names.length).toBeGreaterThan(0);
    for (const id of excludedIds) {
      expect(readFileSync(join(out, "pairs.csv"), "utf8")).not.toContain(id);
      expect(readFileSync(join(out, "unmatched.csv"), "utf8")).not.toContain(id);
    }
  });
});

describe("match on a Google Forms export (UTF-8, comma)", () => {
  const out = join(work, "out-google");
  let run: ReturnType<typeof runBuilt>;
  beforeAll(() => {
    run = runBuilt(
      [
        "match",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "google/mentees.csv",
        "--config",
        "program.json",
        "--out",
        out,
        "--strategy",
        "optimal",
        "--seed",
        "3",
      ],
      work,
    );
  });
  it("exits 0, warns about the double submission (naming both rows) and the unknown preference", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatchInlineSnapshot(`
      "Предупреждение: google/mentees.csv, строка 14: анкета отправлена дважды (google/mentees.csv, строка 8, и строка 14); взята последняя — строка 14.
      Предупреждение: google/mentees.csv, строка 5, столбец «Предпочитаемый наставник (после нетворкинга)»: предпочтение № 1 не совпадает ни с кодом, ни с e-mail, ни с ФИО, ни с фамилией участника другой роли; оно не учтено.
      "
    `);
  });
  it("keeps the latest submission and excludes the mentee without a guardian's consent", () => {
    const json = JSON.parse(readFileSync(join(out, "pairs.json"), "utf8"));
    expect(json.strategy).toBe("optimal");
    expect(json.seed).toBe(3);
    // The older of S07's two submissions is an excluded row of its own (reason superseded).
    expect(json.excluded).toEqual([
      { id: "S06", role: "mentee", reason: "guardian-consent-missing" },
      { id: "S07", role: "mentee", reason: "superseded" },
    ]);
    const superseded = rowsOf(out, "excluded.csv").find((r) => r[2] === "superseded")!;
    expect(superseded[3]).toMatch(/mentees\.csv, строка 8; заменена: google\/mentees\.csv, строка 14/);
    const seen = accounted(out);
    expect([...seen.keys()].filter((id) => id.startsWith("S")).sort()).toEqual([
      "S01",
      "S02",
      "S03",
      "S04",
      "S05",
      "S06",
      "S07",
      "S08",
      "S09",
      "S10",
      "S11",
      "S12",
    ]);
    // Mentors too: matched ones in pairs.csv, idle ones in unmatched.csv.
    expect([...seen.keys()].filter((id) => id.startsWith("M")).sort()).toEqual([
      "M01",
      "M02",
      "M03",
      "M04",
      "M05",
      "M06",
    ]);
    for (const [, where] of seen) expect(new Set(where).size).toBe(1);
    // The excluded mentee's name is nowhere in the outputs.
    for (const f of readdirSync(out))
      expect(readFileSync(join(out, f), "utf8")).not.toContain("Фёдоров Илья");
  });
  it("the same input with rows shuffled gives byte-identical data files", () => {
    const text = readFileSync(join(work, "google/mentees.csv"), "utf8").split("\r\n");
    const header = text[0]!;
    const body = text
      .slice(1)
      .filter((l) => l !== "")
      .reverse();
    writeFileSync(join(work, "google/mentees-shuffled.csv"), `${[header, ...body].join("\r\n")}\r\n`);
    const out2 = join(work, "out-google-shuffled");
    const again = runBuilt(
      [
        "match",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "google/mentees-shuffled.csv",
        "--config",
        "program.json",
        "--out",
        out2,
        "--strategy",
        "optimal",
        "--seed",
        "3",
      ],
      work,
    );
    expect(again.code).toBe(0);
    for (const f of ["pairs.csv", "pairs.json", "unmatched.csv"]) {
      expect(readFileSync(join(out2, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
    // excluded.csv names the rows of a superseded submission: the same but for the file name and rows.
    const masked = (dir: string) =>
      readFileSync(join(dir, "excluded.csv"), "utf8")
        .replace(/google\/mentees(-shuffled)?\.csv/g, "F")
        .replace(/строка \d+/g, "строка N");
    expect(masked(out2)).toBe(masked(out));
  });
});

describe("one file with a role column (UTF-8 BOM, tab, English headers)", () => {
  it("matches, in English, byte-identically run after run", () => {
    const a = runBuilt(
      [
        "match",
        "--input",
        "one-file/participants.csv",
        "--config",
        "program.json",
        "--out",
        join(work, "one-a"),
        "--lang",
        "en",
      ],
      work,
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toContain("Read: 4 mentors, 9 mentees; excluded before matching: 0.");
    const b = runBuilt(
      [
        "match",
        "--input",
        "one-file/participants.csv",
        "--config",
        "program.json",
        "--out",
        join(work, "one-b"),
        "--lang",
        "en",
      ],
      work,
    );
    for (const f of readdirSync(join(work, "one-a"))) {
      expect(readFileSync(join(work, "one-b", f)).equals(readFileSync(join(work, "one-a", f))), f).toBe(true);
    }
    expect(b.code).toBe(0);
    const md = readFileSync(join(work, "one-a/report.md"), "utf8");
    expect(md).toContain("# Mentoring pairs: matching report");
    expect(md).toContain("| Strategy | stable — stable (no two people would rather be together) |");
  });
});

describe("broken files: exit 2 with a message naming file, row and column, and no outputs", () => {
  const cases: [string, string[], string][] = [
    [
      "KOI8-R",
      ["--mentees", "broken/koi8r.csv"],
      "[ENCODING] broken/koi8r.csv: файл не в кодировке UTF-8 и не в Windows-1251 (возможно, KOI8-R или CP866) или это не текст. Сохраните файл заново как CSV в UTF-8 (Google Таблицы: Файл → Скачать → CSV; Excel: Сохранить как → «CSV UTF-8 (разделитель — запятая)»).",
    ],
    [
      "an Excel workbook",
      ["--mentees", "broken/workbook.csv"],
      "[XLSX] broken/workbook.csv: файл не читается как книга Excel (.xlsx): он повреждён, защищён паролем или это не книга Excel. Откройте файл в Excel или LibreOffice и сохраните заново как .xlsx или как CSV UTF-8.",
    ],
    [
      "an empty file",
      ["--mentees", "broken/empty.csv"],
      "[EMPTY_FILE] broken/empty.csv: файл пуст. Выгрузите ответы из формы заново, вместе со строкой заголовков.",
    ],
    [
      "a header only",
      ["--mentees", "broken/header-only.csv"],
      "[HEADER_ONLY] broken/header-only.csv: в файле есть строка заголовков, но нет ни одной анкеты. Выгрузите ответы после того, как участники заполнят анкету.",
    ],
    [
      "a row split by a line break",
      ["--mentees", "broken/ragged.csv"],
      "[RAGGED_ROW] broken/ragged.csv, строка 4: в строке 8 ячеек, а в заголовке 13. Перенос строки внутри ячейки без кавычек разбивает строку на две: соедините строки или возьмите ячейку в кавычки.",
    ],
    [
      "an unclosed quote",
      ["--mentees", "broken/bad-quote.csv"],
      '[CSV_SYNTAX] broken/bad-quote.csv, строка 5: с этой строки файл не читается как CSV: непарная или лишняя кавычка. Проверьте кавычки в этой строке: кавычка внутри ячейки должна быть удвоена (""), а сама ячейка — в кавычках.',
    ],
    [
      "a capacity that is not a number",
      ["--mentees", "google/mentees.csv", "--mentors", "broken/mentors-bad-capacity.csv"],
      "[NOT_A_NUMBER] broken/mentors-bad-capacity.csv, строка 4, столбец «Сколько наставляемых готовы взять»: в ячейке не число наставляемых (от 0 до 1000). Напишите, сколько наставляемых берёт наставник: «2», «два», «до 3» или «5+».",
    ],
  ];
  it.each(cases)("%s", (_name, files, message) => {
    const args = files.includes("--mentors") ? files : ["--mentors", "google/mentors.csv", ...files];
    const out = join(work, `out-broken-${_name.replace(/\W+/g, "-")}`);
    const run = runBuilt(["match", ...args, "--config", "program.json", "--out", out], work);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toContain(message);
    expect(run.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
  it("validate reports every problem of a file at once", () => {
    const run = runBuilt(
      [
        "validate",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "broken/bad-values.csv",
        "--config",
        "program.json",
        "--lang",
        "en",
      ],
      work,
    );
    expect(run.code).toBe(2);
    const errors = run.stderr.split("\n").filter((l) => l.startsWith("["));
    expect(errors).toEqual([
      '[NOT_A_NUMBER] broken/bad-values.csv, row 6, column "Класс": The cell is not a grade (1 to 11, e.g. «7Б»). Write the grade as a number from 1 to 11, e.g. «7» or «7Б» (in a college form: the year of study).',
      '[INVALID_VALUE] broken/bad-values.csv, row 9, column "Согласие на обработку персональных данных": The consent cell is not a plain yes or no (a question mark, «частично», «+-», «да/нет» are neither). Write «да» or «нет» (yes or no); a blank cell means no consent.',
    ]);
    expect(run.stderr).toContain("Problems found: 2. Fix them and run again.");
    // An unknown answer to an optional question is a warning naming the value and the closest option.
    expect(run.stderr).toMatch(
      /Warning: broken\/bad-values\.csv, row 3, column "Формат встреч": .*"По телефону" \(row 3; closest option: "[^"]+"\)/,
    );
  });
  it("a file without a role column given with --input", () => {
    const run = runBuilt(["validate", "--input", "broken/no-role.csv", "--config", "program.json"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "[MISSING_COLUMN] broken/no-role.csv: нет столбца с ролью (наставник или наставляемый). Добавьте столбец «Роль» со словами «наставник» / «наставляемый» или передайте файл через --mentors / --mentees.",
    );
  });
  it("a failed run leaves earlier outputs as they were", () => {
    const out = join(work, "out-keep");
    expect(
      runBuilt(
        ["match", "--input", "one-file/participants.csv", "--config", "program.json", "--out", out],
        work,
      ).code,
    ).toBe(0);
    const before = readFileSync(join(out, "pairs.csv"));
    const run = runBuilt(
      [
        "match",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "broken/ragged.csv",
        "--config",
        "program.json",
        "--out",
        out,
      ],
      work,
    );
    expect(run.code).toBe(2);
    expect(readFileSync(join(out, "pairs.csv")).equals(before)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([
      "excluded.csv",
      "pairs.csv",
      "pairs.json",
      "pairs.xlsx",
      "report.html",
      "report.md",
      "unmatched.csv",
    ]);
  });
});

/** Creates an empty file and returns its path. */
function openAndClose(path: string): string {
  closeSync(openSync(path, "w"));
  return path;
}

describe("exit codes", () => {
  it("a missing file exits 2 naming it", () => {
    const run = runBuilt(
      ["validate", "--input", "nope.csv", "--form", "student-student", "--lang", "en"],
      work,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "[FILE_NOT_FOUND] nope.csv: The file does not exist. Check the path, the file name and the read permissions.",
    );
  });
  it("a file over the size limit is FILE_TOO_LARGE from its size, before it is read", () => {
    const big = join(work, "huge.csv");
    // A sparse file: 3 GB on paper, nothing on disk, and far over what Node could read into one string.
    truncateSync(openAndClose(big), 3 * 1024 ** 3);
    const run = runBuilt(["validate", "--input", "huge.csv", "--form", "student-student"], work);
    rmSync(big);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\[FILE_TOO_LARGE\] huge\.csv: файл слишком большой \(3221225472 байт/m);
  });
  it("results that cannot be written (a file where the folder should be) exit 2 with WRITE_FAILED", () => {
    writeFileSync(join(work, "a-file"), "");
    const run = runBuilt(["demo", "--out", "a-file", "--lang", "en"], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^\[WRITE_FAILED\] \S*a-file: The results cannot be written into this folder\./m,
    );
    expect(readFileSync(join(work, "a-file"), "utf8")).toBe("");
  });
  it("pinned pairs over a mentor's capacity exit 3", () => {
    const config = JSON.parse(readFileSync(join(work, "program.json"), "utf8"));
    config.pinnedPairs = [
      { mentee: "T01", mentor: "M01" },
      { mentee: "T02", mentor: "M01" },
      { mentee: "T03", mentor: "M01" },
      { mentee: "T04", mentor: "M01" },
    ];
    writeFileSync(join(work, "pinned.json"), JSON.stringify(config));
    const run = runBuilt(
      [
        "match",
        "--input",
        "one-file/participants.csv",
        "--config",
        "pinned.json",
        "--out",
        join(work, "out-pinned"),
      ],
      work,
    );
    expect(run.stderr).toMatch(/^Условия подбора невыполнимы\. \[PIN_OVER_CAPACITY\]/m);
    // The entry of the config to change, not an internal index.
    expect(run.stderr).toContain("pinned.json, поле «pinnedPairs[3]»: эта закреплённая пара — лишняя");
    expect(run.code).toBe(3);
    expect(existsSync(join(work, "out-pinned"))).toBe(false);
  });
});

describe("init and demo", () => {
  it("init writes a config with $schema and the guessed columns, and reports what it could not map", () => {
    const run = runBuilt(
      [
        "init",
        "--form",
        "student-student",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "google/mentees.csv",
        "--out",
        "new.json",
      ],
      work,
    );
    expect(run.code).toBe(0);
    const config = JSON.parse(readFileSync(join(work, "new.json"), "utf8"));
    expect(config.$schema).toBe("./node_modules/mentor-match/dist/program.schema.json");
    expect(config.form).toBe("student-student");
    expect(config.columns["Интересы и увлечения"]).toBe("q:interests");
    expect(config.columns.ФИО).toBe("name");
    expect(run.stdout).toContain("✓ «Согласие родителя (законного представителя)» → guardianConsent");
    expect(run.stdout).toContain("✓ «Интересы и увлечения» → q:interests");
    // The preset asks questions this export does not have: init names them for the curator.
    expect(run.stdout).toContain(
      "Вопросы программы, для которых не найден столбец:\n  ? subjectsNeeded («Предметы, по которым нужна помощь»)",
    );
    expect(run.stdout).toContain("  ? mode («Индивидуально или в группе»)");
    // A second init does not overwrite without --force.
    expect(runBuilt(["init", "--form", "student-student", "--out", "new.json"], work).code).toBe(1);
    // The written config is valid: validate accepts it.
    const check = runBuilt(
      [
        "validate",
        "--mentors",
        "google/mentors.csv",
        "--mentees",
        "google/mentees.csv",
        "--config",
        "new.json",
      ],
      work,
    );
    expect(check.code).toBe(0);
  });
  it("demo runs the bundled example", () => {
    const run = runBuilt(["demo", "--out", join(work, "demo")], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Прочитано: наставников 11, наставляемых 28; исключено до подбора: 3.");
    expect(readdirSync(join(work, "demo")).length).toBe(7);
  });
});
