/**
 * Runs the `mentor-match` command in this process (runCli with a captured io) in a fresh temporary folder,
 * and reads back what it wrote.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run.js";

/** What one run of the command gave. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The files written into the output folder, by name (text). */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * Writes `files` into a new temporary folder, runs the command there with `argv` (outputs into `out/`),
 * collects stdout, stderr and the outputs, and removes the folder.
 */
export async function runInTemp(
  files: Readonly<Record<string, string | Uint8Array>>,
  argv: readonly string[],
): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-h6-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      env: {},
      cwd: dir,
      stderrIsTTY: false,
    });
    const outputs: Record<string, string> = {};
    const out = join(dir, "out");
    if (existsSync(out)) {
      for (const name of readdirSync(out)) outputs[name] = readFileSync(join(out, name), "utf8");
    }
    return { code, stdout, stderr, outputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
