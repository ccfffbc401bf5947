/**
 * A small seeded pseudo-random generator for the randomised strategies and the seeded tie policy.
 *
 * xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. 32-bit integer arithmetic only:
 * the same seed gives the same numbers on every platform and Node version.
 */

/** A seeded stream of numbers. */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in `[0, bound)`, without modulo bias; `bound` in `1 .. 2^32`. */
  nextInt(bound: number): number;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a generator from an integer seed. O(1).
 *
 * @param seed - any safe integer; its low 53 bits are used.
 * @returns the generator.
 * @example
 * const rng = createRandom(42);
 * rng.nextInt(6); // a die roll, the same for seed 42 every time
 */
export function createRandom(seed: number): Random {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const init = { s: (low ^ Math.imul(high, 0x27d4eb2d)) | 0 };
  let a = splitmix32(init);
  let b = splitmix32(init);
  let c = splitmix32(init);
  let d = splitmix32(init);
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const nextInt = (bound: number): number => {
    // Rejection sampling on the top of the 2^32 range (no modulo bias).
    const limit = 4294967296 - (4294967296 % bound);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % bound;
    }
  };
  return { nextUint32, nextInt };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A uniformly random permutation of `0 .. n-1` (Fisher–Yates), drawn from `rng`. O(n).
 *
 * @param n - the length.
 * @param rng - the generator (advanced by n - 1 draws).
 * @returns `perm` with `perm[k]` the element at position k.
 * @example
 * randomPermutation(4, createRandom(1)); // e.g. Int32Array [2, 0, 3, 1]
 */
export function randomPermutation(n: number, rng: Random): Int32Array {
  const perm = new Int32Array(n);
  for (let k = 0; k < n; k++) perm[k] = k;
  for (let k = n - 1; k > 0; k--) {
    const r = rng.nextInt(k + 1);
    const tmp = perm[k]!;
    perm[k] = perm[r]!;
    perm[r] = tmp;
  }
  return perm;
}
