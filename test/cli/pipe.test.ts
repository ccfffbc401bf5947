/**
 * Issue 14, failure 10: the exit code must not depend on stdout being a pipe that the reader closed early
 * (`mentor-match match … | head`). The built CLI is run with a real pipe whose reading end is closed
 * before the CLI writes anything.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ensureBuilt, ROOT, runBuilt } from "./_built.js";

const dir = mkdtempSync(join(tmpdir(), "mm-pipe-"));
beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with stdout (and, if asked, stderr) a pipe closed at once; resolves with the exit code. */
function runClosed(args: readonly string[], closeStderr: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", LANG: "ru_RU.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    if (closeStderr) child.stderr.destroy();
    else child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}

const demo = (name: string) => join(ROOT, "fixtures/demo", name);
const MATCH = [
  "match",
  "--mentors",
  demo("mentors.csv"),
  "--mentees",
  demo("mentees.csv"),
  "--config",
  demo("program.json"),
  "--out",
  "out",
];
const BAD = [
  "match",
  "--mentors",
  demo("mentors.csv"),
  "--mentees",
  "missing.csv",
  "--form",
  "student-student",
];

describe("exit codes with stdout a closed pipe", () => {
  it("a successful match exits 0, as with a normal stdout", async () => {
    expect(runBuilt(MATCH, dir).code).toBe(0);
    for (let k = 0; k < 3; k++) expect(await runClosed(MATCH, false)).toBe(0);
  }, 60_000);
  it("an input error exits 2 even when stdout and stderr are both closed", async () => {
    expect(runBuilt(BAD, dir).code).toBe(2);
    for (let k = 0; k < 3; k++) expect(await runClosed(BAD, true)).toBe(2);
  }, 60_000);
  it("help exits 0 when its reader has gone", async () => {
    expect(await runClosed(["--help"], false)).toBe(0);
  }, 60_000);
});
