// Run by `npm run build` after tsup: writes dist/program.schema.json, the JSON Schema of a program
// config, from the zod schema through the built library (so it is exactly what the package ships).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const { programJsonSchema } = await import(pathToFileURL(join(dist, "index.js")).href);
const schema = programJsonSchema();
const out = join(dist, "program.schema.json");
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
console.error(
  `wrote ${out.slice(root.length + 1)} (${Object.keys(schema.properties ?? {}).length} top-level keys)`,
);
