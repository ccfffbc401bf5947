/**
 * mulberry32: a small seeded generator for test data (32-bit arithmetic, the same on every platform).
 * The tests' one copy; the library's own seeded streams are xoshiro128** (src/matching/_internal/random.ts).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
