/** The large monitoring files given in pieces equal the one-string rendering, byte for byte. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/monitoring/_internal/jsonChunks.js";
import {
  renderMonitoringFiles,
  renderMonitoringOutputs,
} from "../../src/monitoring/renderMonitoringOutputs.js";
import { formatCsv } from "../../src/csv/formatCsv.js";
import { monitoringCsv } from "../../src/monitoring/_internal/monitoringCsv.js";
import type { MonitoringReport } from "../../src/monitoring/types.js";
import { fixtureTables, reportOf } from "./_fixture.js";

function bytesOf(chunks: Iterable<string | Uint8Array>): Buffer {
  // Each piece is copied at once: a piece may be a reused buffer.
  const copies: Buffer[] = [];
  for (const c of chunks) copies.push(Buffer.from(typeof c === "string" ? Buffer.from(c) : c));
  return Buffer.concat(copies);
}

/** Names a CSV writer must quote or neutralize, and plain ones. */
const NAMES = [
  "=Имя",
  "Иванова; Анна",
  "Петров, Пётр",
  'Анна "Аня" Ли',
  " Олег",
  "Олег ",
  "Строка\nвторая",
  "-минус",
  "@почта",
  "+7",
  "\tтаб",
  "Обычное Имя Отчество",
  "",
];

describe("monitoring outputs in pieces", () => {
  it("jsonChunks joins to JSON.stringify + newline, long arrays and undefined properties included", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string(),
          fc.oneof(
            fc.jsonValue(),
            fc.constant(undefined),
            fc.array(fc.record({ id: fc.string(), v: fc.option(fc.double({ noNaN: true })) }), {
              maxLength: 1300,
            }),
          ),
        ),
        (value) => {
          expect([...jsonChunks(value)].join("")).toBe(`${JSON.stringify(value)}\n`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("renderMonitoringFiles' CSV and JSON pieces are renderMonitoringOutputs' texts", () => {
    const report = reportOf(fixtureTables());
    for (const delimiter of [",", ";"] as const) {
      const files = renderMonitoringFiles(report, { language: "ru", delimiter });
      const texts = renderMonitoringOutputs(report, { language: "ru", delimiter });
      const csv = bytesOf(files["monitoring.csv"].chunks);
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.equals(Buffer.from(texts["monitoring.csv"]))).toBe(true);
      expect(bytesOf(files["monitoring.json"].chunks).toString()).toBe(texts["monitoring.json"]);
      expect(JSON.parse(texts["monitoring.json"]).participants.length).toBe(report.series.length);
    }
  });

  it("monitoringCsv over many 64 KB pieces (a line longer than one, names to quote) equals formatCsv of every row", () => {
    const parameters = ["a", "b", "c"].map((id) => ({ id, label: { ru: `Параметр «${id}»`, en: id } }));
    const timePoints = ["start", "q1", "final"];
    const series = [];
    for (let k = 0; k < 900; k++) {
      for (const p of parameters) {
        series.push({
          id: `S${k}`,
          name: k === 7 ? "Я".repeat(70_000) : k % 3 === 0 ? NAMES[k % NAMES.length] : undefined,
          role: k % 5 === 0 ? "mentor" : "mentee",
          form: "student-student",
          parameter: p.id,
          values: [k % 10, null, (k * 7) % 10 === 3 ? 2.5 : (k * 7) % 10],
        });
      }
    }
    const report = { config: { parameters }, timePoints, series } as unknown as MonitoringReport;
    const rows = series.flatMap((s) =>
      timePoints.map((t, i) => [
        s.id,
        s.name ?? "",
        s.role === "mentor" ? "наставник" : "наставляемый",
        s.form,
        s.parameter,
        parameters.find((p) => p.id === s.parameter)!.label.ru,
        t,
        s.values[i] ?? "",
      ]),
    );
    const fixture = reportOf(fixtureTables());
    for (const delimiter of [";", ",", "\t"] as const) {
      const header = renderMonitoringOutputs(fixture, { language: "ru", delimiter })["monitoring.csv"].split(
        "\r\n",
      )[0]!;
      const body = rows.map((r) => formatCsv(r.map(String), [], { delimiter, bom: false })).join("");
      expect(bytesOf(monitoringCsv(report, "ru", delimiter)).toString()).toBe(`${header}\r\n${body}`);
    }
  });
});
