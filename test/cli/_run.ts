/** Runs the CLI in-process (for the quick tests): the same `runCli` the executable runs. */
import { runCli } from "../../src/cli/run.js";
import type { CliRun } from "./_built.js";

export async function runInProcess(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { LANG: "ru_RU.UTF-8", ...env },
    cwd,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
