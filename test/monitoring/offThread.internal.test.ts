/**
 * The built `mentor-match monitor` writes monitoring.xlsx on a worker thread (src/cli/_internal/
 * xlsxOffThread.ts); the sources run under vitest write it in the main thread. Both must give the same
 * bytes, and a run that stops early must not be kept alive by its worker.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXlsxWorkbook } from "../../src/cli/_internal/xlsx.js";
import type { startXlsxWriter as StartXlsxWriter } from "../../src/cli/_internal/xlsxOffThread.js";
import { monitorCommand } from "../../src/cli/commands/monitor.js";
import { ensureBuilt, ROOT, runBuilt } from "../cli/_built.js";
import { FIXTURE } from "./_fixture.js";

const dir = mkdtempSync(join(tmpdir(), "mm-monitor-built-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(FIXTURE, dir, { recursive: true });

beforeAll(() => {
  ensureBuilt();
}, 300_000);

const DIAG = ["start.csv", "q1.csv", "q2.csv", "final.csv"];

describe("monitor: the workbook written on a worker thread", () => {
  it("gives the five outputs byte for byte as the main-thread run does", async () => {
    const args = ["--pairs", "results", "--diagnostics", ...DIAG, "--satisfaction", "satisfaction.csv"];
    const built = runBuilt(
      ["monitor", ...args, "--school", "s42", "--delimiter", ";", "--lang", "ru", "--out", "built"],
      dir,
    );
    expect(built.stderr).not.toContain("Error");
    expect(built.code).toBe(0);
    const code = await monitorCommand(
      { stdout: () => {}, stderr: () => {}, env: {}, cwd: dir, stderrIsTTY: false },
      {
        pairs: ["results"],
        diagnostics: DIAG,
        satisfaction: ["satisfaction.csv"],
        school: "s42",
        delimiter: ";",
        out: "inproc",
      },
      "ru",
    );
    expect(code).toBe(0);
    const names = readdirSync(join(dir, "built")).sort();
    expect(names).toEqual(readdirSync(join(dir, "inproc")).sort());
    expect(names).toContain("monitoring.xlsx");
    for (const name of names) {
      const a = readFileSync(join(dir, "built", name));
      const b = readFileSync(join(dir, "inproc", name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  it("ends at once when the inputs stop the run (the idle worker is closed)", () => {
    const started = Date.now();
    const r = runBuilt(["monitor", "--pairs", "results", "--diagnostics", "missing.csv", "--out", "x"], dir);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(-1); // -1: killed by the 60 s timeout
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("the built writer gives writeXlsxWorkbook's bytes, and still writes the workbook when its worker is gone", async () => {
    // The built module: it starts a real worker thread (the sources under vitest write in the main thread).
    const { startXlsxWriter } = (await import(
      pathToFileURL(join(ROOT, "dist/cli/_internal/xlsxOffThread.js")).href
    )) as { startXlsxWriter: typeof StartXlsxWriter };
    const sheets = [
      {
        name: "Пары",
        header: ["Наставник", "Наставляемый", "Балл"],
        rows: [
          ["M1", "=S1", 0.5],
          ["M2", null, 7],
        ],
      },
    ];
    const expected = Buffer.from(await writeXlsxWorkbook(sheets));
    const live = startXlsxWriter();
    expect(Buffer.from(await live.write(sheets)).equals(expected)).toBe(true);
    live.close();
    const ended = startXlsxWriter();
    ended.close(); // the worker is terminated before it is asked
    expect(Buffer.from(await ended.write(sheets)).equals(expected)).toBe(true);
  });
});
