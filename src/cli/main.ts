#!/usr/bin/env node
/**
 * The `mentor-match` executable (dist/cli/main.js). The only place that reads `process.argv` and sets
 * the exit code.
 *
 * Start-up: `--version`, `--help` and a bare call load commander and the CLI's texts only; a command
 * loads the engine (zod, scoring, matching) and, in ./run.ts, only its own command module.
 */
import { runCli } from "./run.js";

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

const code = await runCli(process.argv.slice(2), {
  stdout: writerOf(process.stdout),
  stderr: writerOf(process.stderr),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
