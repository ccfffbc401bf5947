// Run by `npm run build` after tsup: writes one declaration file per source file with tsc (stable,
// readable names: dist/matching/types.d.ts, not a hashed chunk), then gives the CommonJS build in
// dist/cjs the same declarations and a package.json saying its .js files are CommonJS.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const cjs = join(dist, "cjs");
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});

let copied = 0;
function copyDeclarations(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === cjs || path === join(dist, "cli")) continue;
    if (statSync(path).isDirectory()) copyDeclarations(path);
    else if (name.endsWith(".d.ts")) {
      cpSync(path, join(cjs, relative(dist, path)));
      copied++;
    }
  }
}
copyDeclarations(dist);
writeFileSync(join(cjs, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
console.error(`wrote declarations (${copied} files, also under dist/cjs)`);
