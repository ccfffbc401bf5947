/** `mentor-match demo`: `match` on the bundled example (fixtures/demo). */
import type { Language } from "../../language.js";
import type { StrategyName } from "../../matching/types.js";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Delimiter } from "../../csv/detectDelimiter.js";
import type { CliIo } from "../_internal/io.js";
import { matchCommand } from "./match.js";

/** The folder of the bundled example, found from this module upwards (src/cli/commands or dist/cli). */
export function demoDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (let k = 0; k < 5; k++) {
    const candidate = join(dir, "fixtures", "demo");
    if (existsSync(join(candidate, "mentors.csv"))) return candidate;
    dir = dirname(dir);
  }
  return null;
}

export interface DemoCommandOptions {
  readonly out: string;
  readonly strategy?: StrategyName;
  readonly seed?: number;
  readonly delimiter?: Delimiter;
}

/** Runs `demo`; returns the exit code. */
export async function demoCommand(
  io: CliIo,
  options: DemoCommandOptions,
  language: Language,
): Promise<number> {
  const dir = demoDir();
  if (dir === null) {
    io.stderr(
      language === "ru"
        ? "Не найден пример fixtures/demo рядом с программой.\n"
        : "The bundled example fixtures/demo is missing.\n",
    );
    return 2;
  }
  // Input paths are shown relative to the example's folder; outputs go where the user ran the command.
  const demoIo: CliIo = { ...io, cwd: dir };
  return matchCommand(
    demoIo,
    {
      mentors: "mentors.csv",
      mentees: "mentees.csv",
      config: "program.json",
      out: resolve(io.cwd, options.out),
      displayOut: options.out,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
    language,
  );
}
