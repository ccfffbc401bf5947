/** JSON.stringify of an object, piece by piece. */

/** Elements per piece of a long array. */
const BATCH = 500;

/**
 * The text of `JSON.stringify(value) + "\n"` for a plain object, in pieces: its long arrays (more than
 * {@link BATCH} elements) are stringified a batch at a time, so no string of the whole document is built.
 * The same characters as `JSON.stringify` (keys in order, `undefined` properties left out, array
 * elements as JSON.stringify writes them).
 *
 * Complexity: O(size of the text).
 *
 * @param value - a plain object (no `toJSON` of its own).
 * @returns the pieces; joined, `JSON.stringify(value) + "\n"`.
 */
export function* jsonChunks(value: Readonly<Record<string, unknown>>): Generator<string, void, undefined> {
  let head = "{";
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    head += `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(v) || v.length <= BATCH) {
      head += JSON.stringify(v);
      continue;
    }
    yield `${head}[`;
    head = "";
    for (let k = 0; k < v.length; k += BATCH) {
      const text = JSON.stringify(v.slice(k, k + BATCH));
      yield `${k === 0 ? "" : ","}${text.slice(1, -1)}`;
    }
    head = "]";
  }
  yield `${head}}\n`;
}
