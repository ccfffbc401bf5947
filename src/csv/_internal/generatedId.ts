/** The id of a row without one: a stable hash of its e-mail or name. */

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable id from an e-mail or a name, so that shuffled rows give the same ids; never the name itself. */
export function generatedId(role: "mentor" | "mentee", key: string): string {
  const a = fnv(key, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv(key, 0x01234567).toString(16).padStart(8, "0");
  return `${role === "mentor" ? "M" : "S"}-${a}${b.slice(0, 4)}`;
}
