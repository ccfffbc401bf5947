/**
 * The `mentor-match` executable (built by tsup to dist/cli/main.js). The only place that reads
 * `process.argv` and sets the exit code.
 */
import { runCli } from "./run.js";

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
