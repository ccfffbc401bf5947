/**
 * Node's `require`, reached without importing `node:module` (which a browser bundle cannot resolve):
 * `process.getBuiltinModule` (Node ≥ 20.16) gives the module API at run time. Used to load an optional,
 * heavy dependency synchronously the first time it is needed (mathjs for formulas), so that importing
 * the package does not load it.
 */

type Require = (id: string) => unknown;

interface ModuleApi {
  createRequire(from: string): Require;
}

let cached: Require | null | undefined;

/**
 * Node's `require` resolving from this package, or `undefined` outside Node (a browser, a worker, Deno
 * without Node compatibility, Node before 20.16).
 *
 * Complexity: O(1) after the first call.
 *
 * @returns a `require` function, or `undefined`.
 * @throws never.
 * @example
 * const mathjs = nodeRequire()?.("mathjs");
 */
export function nodeRequire(): Require | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const api = proc?.getBuiltinModule?.("node:module") as ModuleApi | undefined;
    if (api !== undefined) {
      // In the CommonJS build `__filename` is this file; in the ES module build, import.meta.url.
      const from = typeof __filename === "string" ? __filename : import.meta.url;
      cached = api.createRequire(from);
    }
  } catch {
    cached = null;
  }
  return cached ?? undefined;
}
