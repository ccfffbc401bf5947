/**
 * Bundles code that imports the built package by its public name, as a user's project would: a
 * throw-away folder whose node_modules/mentor-match links to this repository (so the package.json
 * `exports`, `sideEffects` and the dist/ files are what the bundler sees), then esbuild (tsup's).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { ensureBuilt, ROOT } from "../cli/_built.js";

/** A bundle: its text and the files whose code it holds (dist/… for ours, node_modules/… for packages). */
export interface Bundle {
  readonly code: string;
  readonly bytes: number;
  readonly inputs: readonly string[];
}

/**
 * Bundles `source` (an ES module importing "mentor-match" or a subpath) for the browser, minified.
 *
 * @param source - the user's module.
 * @param format - "esm" (size checks) or "iife" (a classic script for a page).
 */
export async function bundleAsUser(source: string, format: "esm" | "iife" = "esm"): Promise<Bundle> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "mm-user-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(ROOT, join(dir, "node_modules", "mentor-match"), "dir");
    writeFileSync(join(dir, "entry.js"), source);
    const result = await build({
      entryPoints: [join(dir, "entry.js")],
      absWorkingDir: dir,
      bundle: true,
      minify: true,
      format,
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const out = result.outputFiles[0]!;
    const meta: Metafile = result.metafile;
    // The files that put code into the bundle (esbuild lists every file it read, shaken out or not).
    const used = Object.entries(Object.values(meta.outputs)[0]!.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([p]) => p);
    const inputs = used.map((p) => {
      const k = p.lastIndexOf("node_modules/");
      return k === -1 ? p.slice(p.indexOf("dist/")) : p.slice(k);
    });
    return { code: out.text, bytes: out.contents.byteLength, inputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
