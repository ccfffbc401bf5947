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

/**
 * A stream whose reader may go away (`mentor-match … | head`): writing then fails with EPIPE, emitted as
 * an 'error' event that would end the process with exit code 1 whatever the run's outcome. A closed
 * reader is not the run's failure: further text is dropped and the exit code stays the run's own.
 */
function writerOf(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  return (text) => {
    if (closed) return;
    try {
      stream.write(text);
    } catch (error) {
      // A synchronous EPIPE (a pipe written synchronously on some platforms).
      if ((error as NodeJS.ErrnoException).code === "EPIPE") closed = true;
      else throw error;
    }
  };
}

const code = await runCli(
  argv,
  {
    stdout: writerOf(process.stdout),
    stderr: writerOf(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  },
  await engine(),
);
process.exitCode = code;
