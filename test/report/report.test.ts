import { readCsv, buildReportModel, OUTPUT_FILES, renderOutputs } from "mentor-match";
import { describe, expect, it } from "vitest";
import { reportInput } from "./_fixture.js";

describe("buildReportModel", () => {
  const model = buildReportModel(reportInput());
  it("accounts for every mentee exactly once, and the excluded apart", () => {
    const paired = model.groups.flatMap((g) => g.pairs.map((p) => p.mentee.id));
    const unmatched = model.unmatched.map((u) => u.mentee.id);
    expect([...paired, ...unmatched].sort()).toEqual(["S01", "S02", "S03", "S04", "S05", "S06", "S07"]);
    expect(model.excluded.map((e) => e.id)).toEqual(["S08", "M05"]);
    expect(model.idleMentors.map((m) => m.id)).toEqual(["M04"]);
  });
  it("ranks the mentor within the mentee's options and keeps the top positive reasons", () => {
    const s05 = model.groups.flatMap((g) => g.pairs).find((p) => p.mentee.id === "S05")!;
    expect(s05.mentor.id).toBe("M02");
    expect(s05.menteeRank).toBe(1);
    const s04 = model.groups.flatMap((g) => g.pairs).find((p) => p.mentee.id === "S04")!;
    expect(s04.menteeRank).toBe(1);
    const s03 = model.groups.flatMap((g) => g.pairs).find((p) => p.mentee.id === "S03")!;
    expect(s03.menteeRank).toBe(2);
    expect(s03.reasons.map((r) => (typeof r.label === "string" ? r.label : r.label.en))).toEqual([
      "Shared interests",
      "Covers the request",
    ]);
  });
  it("marks which closest mentors still have room", () => {
    const s07 = model.unmatched.find((u) => u.mentee.id === "S07")!;
    expect(s07.reason).toBe("mentors-full");
    expect(s07.closest.map((c) => [c.mentor.id, c.hasRoom])).toEqual([
      ["M01", false],
      ["M02", false],
      ["M03", false],
    ]);
    expect(model.unmatched.find((u) => u.mentee.id === "S06")!.reason).toBe("no-eligible-partner");
  });
  it("bins the scores of the pairs", () => {
    expect(model.scoreBins.reduce((a, b) => a + b, 0)).toBe(5);
    expect(model.scoreBins[9]).toBe(1); // 0.91
    expect(model.scoreBins[8]).toBe(1); // 0.82
  });
});

describe("renderOutputs", () => {
  const files = renderOutputs(buildReportModel(reportInput()), { language: "ru", delimiter: ";" });
  it("writes every output file", () => {
    expect(Object.keys(files)).toEqual([...OUTPUT_FILES]);
  });
  it("pairs.csv opens in Excel: BOM, ;, Cyrillic, no formula", () => {
    const csv = files["pairs.csv"];
    expect(csv.startsWith("\uFEFFКод наставника;Наставник;")).toBe(true);
    const table = readCsv(new TextEncoder().encode(csv), { file: "pairs.csv" });
    expect(table.delimiter).toBe(";");
    expect(table.rows.map((r) => [r.cells[0], r.cells[2], r.cells[4]])).toEqual([
      ["M01", "S01", "0,91"],
      ["M01", "S02", "0,82"],
      ["M02", "S05", "0,7"],
      ["M03", "S03", "0,6"],
      ["M03", "S04", "0,58"],
    ]);
    for (const name of ["pairs.csv", "unmatched.csv", "excluded.csv"] as const) {
      for (const row of readCsv(files[name], { file: name }).rows) {
        for (const c of row.cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(csv).toContain("'=cmd|' /C calc'!A0");
  });
  it("unmatched.csv has reason codes and words; excluded.csv only codes", () => {
    expect(files["unmatched.csv"]).toContain("mentors-full;подходящие наставники уже заняты");
    expect(files["unmatched.csv"]).toContain("no-eligible-partner");
    const rows = readCsv(files["unmatched.csv"], { file: "unmatched.csv" }).rows.map((r) => [
      r.cells[0],
      r.cells[1],
      r.cells[3],
    ]);
    expect(rows).toEqual([
      ["S06", "наставляемый", "no-eligible-partner"],
      ["S07", "наставляемый", "mentors-full"],
      ["M04", "наставник", "idle-mentor"],
    ]);
    const excluded = readCsv(files["excluded.csv"], { file: "excluded.csv" });
    expect(excluded.rows.map((r) => r.cells)).toEqual([
      [
        "S08",
        "наставляемый",
        "guardian-consent-missing",
        "нет согласия родителя (законного представителя) несовершеннолетнего",
      ],
      ["M05", "наставник", "no-consent", "нет согласия на обработку персональных данных"],
    ]);
  });
  it("pairs.json holds the groups, the unmatched and the metrics", () => {
    const json = JSON.parse(files["pairs.json"]);
    expect(json.strategy).toBe("stable");
    expect(json.seed).toBe(42);
    expect(json.groups[0].mentor).toEqual({ id: "M01", name: "Смирнов Олег" });
    expect(json.groups[0].mentees.map((m: { id: string }) => m.id)).toEqual(["S01", "S02"]);
    expect(json.unmatched.map((u: { id: string; reason: string }) => [u.id, u.reason])).toEqual([
      ["S06", "no-eligible-partner"],
      ["S07", "mentors-full"],
    ]);
    expect(json.metrics.matched).toBe(5);
  });
  it("the HTML is self-contained and escaped", () => {
    const html = files["report.html"];
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|<link|@import|url\(/);
    expect(html).toContain("<svg");
    expect(html).toContain("Иванова Анна (S01)");
    expect(html).not.toContain("<=cmd");
    expect(html).toContain("устойчивый подбор");
    expect(html).not.toMatch(/stable|seed|student-student/);
    // The excluded appear by code only.
    expect(html).toContain("<td>S08</td>");
  });
  it("the same model gives the same bytes, and English works too", () => {
    const again = renderOutputs(buildReportModel(reportInput()), { language: "ru", delimiter: ";" });
    expect(again).toEqual(files);
    const en = renderOutputs(buildReportModel(reportInput()), { language: "en" });
    expect(en["report.md"]).toContain("# Mentoring pairs: matching report");
    expect(en["report.md"]).toContain(
      "| Смирнов Олег (M01) (2/2) | Иванова Анна (S01) | 0.91 | — | 1 | Shared interests +0.55; Covers the request +0.36 |",
    );
    expect(en["pairs.csv"].split("\r\n")[0]).toBe(
      "\uFEFFMentor code,Mentor,Mentee code,Mentee,Score,Mentor's place in the mentee's list,Place by score,Why this pair,No data",
    );
  });
});
