/**
 * What a coordinator gets from `match` (issue 14): the place the mentee gave its mentor in its named list
 * beside the place by score (failure 11); CSV files as Excel in the run's language expects them
 * (failure 13); the report as the appendix to the principal's order (failure 14).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "./_run.js";

const dir = mkdtempSync(join(tmpdir(), "mm-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two mentors; the mentee S1 names M2 first and M1 second, but M2 is taken by S2 who fits better.
const MENTORS =
  "Код;ФИО;Класс;Предметы, по которым могу помочь;Согласие родителя (законного представителя)\n" +
  "M1;Смирнов Олег;10;математика;да\n" +
  "M2;Кузнецова Мария;11;физика;да\n";
const MENTEES =
  "Код;ФИО;Класс;Предметы, по которым нужна помощь;Предпочитаемый наставник (после нетворкинга);Согласие родителя (законного представителя)\n" +
  "S1;Иванова Анна;7;математика;Кузнецова Мария, Смирнов Олег;да\n" +
  "S2;Петров Пётр;8;физика;Кузнецова Мария;да\n" +
  "S3;Орлова Дарья;7;физика;;да\n";
writeFileSync(join(dir, "mentors.csv"), MENTORS);
writeFileSync(join(dir, "mentees.csv"), MENTEES);

const args = (out: string, extra: string[] = []) => [
  "match",
  "--mentors",
  "mentors.csv",
  "--mentees",
  "mentees.csv",
  "--form",
  "student-student",
  "--strategy",
  "optimal",
  "--out",
  out,
  ...extra,
];

describe("two ranks (failure 11)", () => {
  it("pairs.csv and pairs.json give the named-list place and the place by score", async () => {
    const run = await runInProcess(args("ranks", ["--lang", "en"]), dir);
    expect(run.code).toBe(0);
    const lines = readFileSync(join(dir, "ranks/pairs.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toContain("Mentor's place in the mentee's list,Place by score");
    const rows = Object.fromEntries(
      lines.slice(1, -1).map((l) => {
        const c = l.split(",");
        return [c[2], { mentor: c[0], named: c[5], byScore: c[6] }];
      }),
    );
    // S1 got its second named choice: "2", not the "1" of its place by score.
    expect(rows.S1).toEqual({ mentor: "M1", named: "2", byScore: "1" });
    expect(rows.S2).toEqual({ mentor: "M2", named: "1", byScore: "1" });
    const json = JSON.parse(readFileSync(join(dir, "ranks/pairs.json"), "utf8"));
    const s1 = json.groups
      .flatMap((g: { mentees: unknown[] }) => g.mentees)
      .find((m: { id: string }) => m.id === "S1");
    expect([s1.menteeChoice, s1.menteeRank]).toEqual([2, 1]);
  });
  it("a mentee who named nobody has an empty named-list place", async () => {
    const run = await runInProcess(args("ranks3", ["--lang", "en"]), dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "ranks3/pairs.json"), "utf8"));
    const all = json.groups.flatMap((g: { mentees: unknown[] }) => g.mentees) as {
      id: string;
      menteeChoice: unknown;
    }[];
    for (const m of all) if (m.id === "S3") expect(m.menteeChoice).toBeNull();
  });
});

describe("CSV in the run's language (failure 13)", () => {
  it("Russian: «;» and decimal commas by default", async () => {
    expect((await runInProcess(args("ru", ["--lang", "ru"]), dir)).code).toBe(0);
    const csv = readFileSync(join(dir, "ru/pairs.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFКод наставника;Наставник;/);
    expect(csv).toMatch(/;0,\d+;/);
    expect(csv).not.toMatch(/;0\.\d+;/);
  });
  it("English: «,» and dots", async () => {
    expect((await runInProcess(args("en", ["--lang", "en"]), dir)).code).toBe(0);
    const csv = readFileSync(join(dir, "en/pairs.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFMentor code,Mentor,/);
    expect(csv).toMatch(/,0\.\d+,/);
  });
  it("--delimiter still overrides", async () => {
    expect((await runInProcess(args("tab", ["--lang", "ru", "--delimiter", ","]), dir)).code).toBe(0);
    const csv = readFileSync(join(dir, "tab/pairs.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFКод наставника,Наставник,/);
    expect(csv).toMatch(/,0\.\d+,/);
  });
});

describe("the report as the appendix to the order (failure 14)", () => {
  it("names the school, the program and the date, numbers the pairs and has signature lines", async () => {
    const run = await runInProcess(
      args("order", [
        "--lang",
        "ru",
        "--school",
        "МБОУ «Школа № 42» <script>",
        "--program",
        "Наставничество 2025/26",
        "--date",
        "15.09.2025",
        "--order",
        "123-од",
      ]),
      dir,
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "order/report.html"), "utf8");
    expect(html).toContain("Приложение к приказу");
    expect(html).toContain("МБОУ «Школа № 42» &#60;script&#62;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("от 15.09.2025 № 123-од");
    expect(html).toContain("Программа наставничества: Наставничество 2025/26");
    expect(html).toMatch(/<td class="num">1<\/td>.*<td class="num">2<\/td>/s);
    expect(html).toContain("Куратор программы наставничества");
    expect(html).toContain("расшифровка подписи");
    expect(html).toMatch(/@page\{size:A4/);
  });
  it("without a date, leaves a blank to fill in; the config's appendix is used", async () => {
    writeFileSync(
      join(dir, "program.json"),
      JSON.stringify({
        form: "student-student",
        questions: [],
        criteria: [{ kind: "gap", field: "grade", min: 1, must: true }, { kind: "preference" }],
        appendix: { school: "Гимназия № 7", order: "45" },
      }),
    );
    const run = await runInProcess(
      [
        "match",
        "--mentors",
        "mentors.csv",
        "--mentees",
        "mentees.csv",
        "--config",
        "program.json",
        "--out",
        "cfg",
      ],
      dir,
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "cfg/report.html"), "utf8");
    expect(html).toContain("Гимназия № 7");
    expect(html).toContain("от «____» ______________ 20___ г. № 45");
  });
  it("the Russian page shows no config identifier and writes decimal commas", async () => {
    expect((await runInProcess(args("plain", ["--lang", "ru"]), dir)).code).toBe(0);
    const html = readFileSync(join(dir, "plain/report.html"), "utf8");
    const text = html
      .replace(/<style>.*?<\/style>/s, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#\d+;/g, " ");
    expect(text).not.toMatch(/student-student|\bstable\b|\bseed\b|\boptimal\b|mentor-match/);
    expect(text).not.toMatch(/\d\.\d/);
    expect(text).toMatch(/\d,\d\d/);
    // No schedule column: the criterion is said once to have no data, and is never a reason.
    expect(text).toMatch(/Нет данных ни для одной пары[^.]*Есть общее время для встреч/);
    const reasons = [...html.matchAll(/<ul class="reasons">(.*?)<\/ul>/g)].map((m) => m[1]).join(" ");
    expect(reasons).not.toContain("Есть общее время для встреч");
  });
  it("an impossible date is a usage error", async () => {
    const run = await runInProcess(args("bad-date", ["--date", "31.02.2025"]), dir);
    expect(run.code).toBe(1);
  });
});
