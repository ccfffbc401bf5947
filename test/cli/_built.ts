/**
 * The built CLI for end-to-end tests: runs `npx tsup` once when dist/cli/main.js is missing or older than
 * a source file (a lock folder keeps parallel test files from building at the same time), then runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CLI = join(ROOT, "dist/cli/main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ if it is missing or stale. */
export function ensureBuilt(): void {
  const lock = join(ROOT, "node_modules/.cache/mentor-match-cli-build.lock");
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  const stale = () => !existsSync(CLI) || statSync(CLI).mtimeMs < newestSource(join(ROOT, "src"));
  if (!stale()) return;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      sleep(200);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync("npx", ["tsup"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npx tsup failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI with `args` in `cwd`. */
export function runBuilt(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "ru_RU.UTF-8", ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
