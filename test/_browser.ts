/**
 * Where the real-browser checks find Chromium, or why they are skipped.
 *
 * - `CHROMIUM=/path/to/chromium` picks a browser; `CHROMIUM=none` turns the checks off.
 * - Otherwise the first of chromium, chromium-browser, google-chrome, google-chrome-stable on PATH.
 * - No browser: the checks are skipped with the reason (test/_globalSetup.ts prints it after the run),
 *   every other check still runs. In CI (`CI` or `MENTOR_MATCH_REQUIRE_BROWSER=1` set, as .ci/run does) a
 *   missing browser fails instead: CI installs one.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The browser found, or the reason there is none. */
export type BrowserFound = { readonly path: string } | { readonly path: undefined; readonly reason: string };

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds Chromium as described above. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): BrowserFound {
  const chosen = env.CHROMIUM;
  if (chosen === "none" || chosen === "")
    return { path: undefined, reason: "CHROMIUM=none turns the real-browser checks off" };
  if (chosen !== undefined) {
    return executable(chosen)
      ? { path: chosen }
      : { path: undefined, reason: `CHROMIUM=${chosen} is not an executable file` };
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of NAMES) if (executable(join(dir, name))) return { path: join(dir, name) };
  }
  return {
    path: undefined,
    reason: `no ${NAMES.join(", ")} on PATH (install one, e.g. apt-get install chromium, or set CHROMIUM=/path)`,
  };
}

/** The flags of a headless run that touches no network and no user profile but `profile`. */
export function headlessFlags(profile: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${profile}`,
  ];
}

/** Whether a missing browser is a failure: in CI (`CI` set) or with `MENTOR_MATCH_REQUIRE_BROWSER=1`. */
export function browserRequired(): boolean {
  const ci = process.env.CI;
  return (
    process.env.MENTOR_MATCH_REQUIRE_BROWSER === "1" || (ci !== undefined && ci !== "" && ci !== "false")
  );
}

/**
 * The browser for a real-browser check, or `undefined` after marking the test skipped with the reason.
 * In CI a missing browser throws instead.
 *
 * @param skip - the test context's `skip` (vitest), given the reason.
 * @param what - what the check does, for the message.
 */
export function chromiumOrSkip(skip: (note: string) => never | void, what: string): string | undefined {
  const found = findChromium();
  if (found.path !== undefined) return found.path;
  const message = `${what} needs Chromium: ${found.reason}`;
  if (browserRequired()) {
    throw new Error(`${message}. CI must run the real-browser checks (.ci/run installs chromium).`);
  }
  skip(`skipped: ${message}`);
  return undefined;
}
