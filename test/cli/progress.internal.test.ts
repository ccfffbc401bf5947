/**
 * The progress bar of the CLI (cli/_internal/progress.ts): its exact drawing on a terminal, and silence
 * elsewhere. An internal unit test: what a run writes is tested through the CLI in run.test.ts.
 */
import { describe, expect, it } from "vitest";
import { progress } from "../../src/cli/_internal/progress.js";

const cwd = process.cwd();

describe("progress", () => {
  it("draws on stderr only when it is a terminal", () => {
    let text = "";
    const io = { stdout: () => {}, stderr: (t: string) => (text += t), env: {}, cwd, stderrIsTTY: true };
    const bar = progress(io, 4);
    bar.step("Чтение анкет");
    bar.step("Расчёт");
    bar.done();
    expect(text).toBe(
      "\r[██████░░░░░░░░░░░░░░░░░░] 1/4 Чтение анкет\u001b[K\r[████████████░░░░░░░░░░░░] 2/4 Расчёт\u001b[K\r\u001b[K",
    );
    text = "";
    const quiet = progress({ ...io, stderrIsTTY: false }, 4);
    quiet.step("x");
    quiet.done();
    expect(text).toBe("");
  });
});
