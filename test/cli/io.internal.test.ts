import { isMentorMatchError } from "mentor-match";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliIo, readInputFile } from "../../src/cli/_internal/io.js";
import { recoverOutputs, writeOutputs } from "../../src/cli/_internal/writeOutputs.js";

const root = mkdtempSync(join(tmpdir(), "mm-io-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const io: CliIo = { stdout: () => {}, stderr: () => {}, env: {}, cwd: root, stderrIsTTY: false };

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return isMentorMatchError(error) ? `${error.code}/${String(error.details?.reason)}` : String(error);
  }
  return undefined;
}
async function asyncCodeOf(f: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await f();
  } catch (error) {
    return isMentorMatchError(error) ? `${error.code}/${String(error.details?.reason)}` : String(error);
  }
  return undefined;
}

describe("writeOutputs", () => {
  it("writes every file and leaves no temporary folder", async () => {
    await writeOutputs(io, "out", { "pairs.csv": "1", "report.md": "2" });
    expect(readdirSync(join(root, "out")).sort()).toEqual(["pairs.csv", "report.md"]);
    expect(readFileSync(join(root, "out/pairs.csv"), "utf8")).toBe("1");
  });
  it("replaces old outputs all together, removes an older run's output the new set lacks, keeps other files", async () => {
    writeFileSync(join(root, "out/pairs.xlsx"), "old");
    writeFileSync(join(root, "out/notes.txt"), "mine");
    await writeOutputs(io, "out", { "pairs.csv": "new", "report.md": "new" });
    expect(readFileSync(join(root, "out/pairs.csv"), "utf8")).toBe("new");
    expect(readdirSync(join(root, "out")).sort()).toEqual(["notes.txt", "pairs.csv", "report.md"]);
  });
  it("a failure leaves the old outputs whole and nothing else", async () => {
    mkdirSync(join(root, "keep"));
    writeFileSync(join(root, "keep/pairs.csv"), "old");
    await expect(writeOutputs(io, "keep", { "pairs.csv": "new", "../evil.csv": "x" })).rejects.toThrow();
    expect(readdirSync(join(root, "keep"))).toEqual(["pairs.csv"]);
    expect(readFileSync(join(root, "keep/pairs.csv"), "utf8")).toBe("old");
  });
  it("never deletes a folder named like an output (a non-empty pairs.csv folder)", async () => {
    mkdirSync(join(root, "dirout/pairs.csv"), { recursive: true });
    writeFileSync(join(root, "dirout/pairs.csv/precious.txt"), "keep me");
    expect(await asyncCodeOf(() => writeOutputs(io, "dirout", { "pairs.csv": "new" }))).toBe(
      "WRITE_FAILED/not-a-file",
    );
    expect(readFileSync(join(root, "dirout/pairs.csv/precious.txt"), "utf8")).toBe("keep me");
    expect(readdirSync(join(root, "dirout"))).toEqual(["pairs.csv"]);
  });
  it('refuses --out "" and folders under /proc, /sys, /dev', async () => {
    expect(await asyncCodeOf(() => writeOutputs(io, "", { "pairs.csv": "x" }))).toBe("WRITE_FAILED/empty");
    expect(await asyncCodeOf(() => writeOutputs(io, "  ", { "pairs.csv": "x" }))).toBe("WRITE_FAILED/empty");
    if (process.platform === "linux") {
      for (const dir of ["/proc/x", "/sys/y", "/dev/z", "/proc"])
        expect(await asyncCodeOf(() => writeOutputs(io, dir, { "pairs.csv": "x" }))).toBe(
          "WRITE_FAILED/virtual",
        );
    }
  });
  it("recovery removes a staging folder left before the commit point, and completes a committed switch", async () => {
    mkdirSync(join(root, "rec/.mentor-match-staging-1-a"), { recursive: true });
    writeFileSync(join(root, "rec/.mentor-match-staging-1-a/pairs.csv"), "half");
    writeFileSync(join(root, "rec/pairs.csv"), "old");
    expect(recoverOutputs(io, "rec")).toEqual({ action: "rolled-back", removed: 1 });
    expect(readdirSync(join(root, "rec"))).toEqual(["pairs.csv"]);
    // A committed switch: the journal names the staged set, one file already placed.
    mkdirSync(join(root, "rec/.mentor-match-staging-2-b"));
    writeFileSync(join(root, "rec/.mentor-match-staging-2-b/report.md"), "new md");
    writeFileSync(join(root, "rec/pairs.csv"), "new");
    writeFileSync(join(root, "rec/excluded.csv"), "older run");
    writeFileSync(
      join(root, "rec/.mentor-match-commit.json"),
      JSON.stringify({
        staging: ".mentor-match-staging-2-b",
        files: ["pairs.csv", "report.md"],
        remove: ["excluded.csv"],
      }),
    );
    expect(recoverOutputs(io, "rec").action).toBe("completed");
    expect(readdirSync(join(root, "rec")).sort()).toEqual(["pairs.csv", "report.md"]);
    expect(readFileSync(join(root, "rec/report.md"), "utf8")).toBe("new md");
  });
  it("recovery undoes the temporary folder of earlier versions (old files put back)", () => {
    mkdirSync(join(root, "legacy/.mentor-match-tmp-9-z/old"), { recursive: true });
    writeFileSync(join(root, "legacy/.mentor-match-tmp-9-z/old/pairs.csv"), "old");
    writeFileSync(join(root, "legacy/.mentor-match-tmp-9-z/report.md"), "half new");
    expect(recoverOutputs(io, "legacy").action).toBe("rolled-back");
    expect(readdirSync(join(root, "legacy"))).toEqual(["pairs.csv"]);
    expect(readFileSync(join(root, "legacy/pairs.csv"), "utf8")).toBe("old");
  });
});

describe("readInputFile", () => {
  it("refuses devices without reading them (no hang on /dev/zero, /dev/urandom)", () => {
    if (process.platform !== "linux") return;
    expect(codeOf(() => readInputFile(io, "/dev/zero"))).toBe("FILE_NOT_FOUND/not-a-file");
    expect(codeOf(() => readInputFile(io, "/dev/urandom"))).toBe("FILE_NOT_FOUND/not-a-file");
  });
  it("refuses a FIFO with no writer at once", () => {
    if (process.platform !== "linux") return;
    const fifo = join(root, "fifo.csv");
    execFileSync("mkfifo", [fifo]);
    const t0 = Date.now();
    expect(codeOf(() => readInputFile(io, fifo))).toBe("FILE_NOT_FOUND/not-a-file");
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it("enforces the byte limit while reading, not from the size stat reports", () => {
    // Files under /proc report size 0 but have content.
    if (!existsSync("/proc/self/status")) return;
    expect(statSync("/proc/self/status").size).toBe(0);
    expect(codeOf(() => readInputFile(io, "/proc/self/status", 16))).toBe("FILE_TOO_LARGE/undefined");
    expect(readInputFile(io, "/proc/self/status").byteLength).toBeGreaterThan(16);
  });
  it("a folder is a folder (config or CSV), with a hint that does not say CSV", () => {
    mkdirSync(join(root, "cfg.json"));
    try {
      readInputFile(io, "cfg.json");
      expect.unreachable();
    } catch (error) {
      expect(isMentorMatchError(error) && error.details?.reason).toBe("folder");
      expect(isMentorMatchError(error) && error.hint).not.toMatch(/CSV/);
    }
  });
});
