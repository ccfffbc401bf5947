#!/usr/bin/env node
/**
 * The `mentor-match` executable (dist/cli/main.js). The only place that reads `process.argv` and sets
 * the exit code.
 *
 * Start-up: `--version`, `--help` and a bare call load commander and the CLI's texts only; a command
 * loads the engine (zod, scoring, matching) and, in ./run.ts, only its own command module.
 */
import { FORMS } from "../questionnaire/forms.js";
import { STRATEGIES } from "../matching/strategies.js";
import { MentorMatchError } from "../errors.js";
import type { Engine } from "./_internal/engine.js";
import { runCli } from "./run.js";

const argv = process.argv.slice(2);

/** Whether the call only prints (version or help), so that no engine is needed. */
function printsOnly(args: readonly string[]): boolean {
  return (
    args.length === 0 ||
    args.some((a) => a === "-V" || a === "--version" || a === "-h" || a === "--help") ||
    args[0] === "help"
  );
}

/** The engine of a call that only prints: the forms and strategies its help lists, nothing to run. */
function printingEngine(): Engine {
  const none = (): never => {
    throw new MentorMatchError("INTERNAL", "A call that only prints help or the version ran a command.");
  };
  return {
    forms: FORMS,
    strategies: STRATEGIES,
    preset: none,
    parseProgram: none,
    programToJson: none,
    score: none,
    match: none,
    generate: none,
    compare: none,
  };
}

async function engine(): Promise<Engine> {
  if (printsOnly(argv)) return printingEngine();
  const [{ createEngine }, { preset }] = await Promise.all([
    import("./_internal/createEngine.js"),
    import("../questionnaire/presets.js"),
  ]);
  return createEngine(preset);
}

const code = await runCli(
  argv,
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  },
  await engine(),
);
process.exitCode = code;
