/**
 * Work memory that one call gives back for the next: typed arrays carved from a buffer that a finished
 * call released, instead of new arrays each call.
 *
 * A new typed array is new memory: a call that makes its work arrays afresh writes to pages the process
 * has not touched since the last collection (or, after a `fork` by a child process spawn, pages the
 * kernel has made copy-on-write), and pays a page fault for each 4 KB. The public optimal assignment on
 * OR-Library assignp5000 made about 1.2 MB of work arrays a call; measured in a process that spawns a
 * child between blocks of calls (as a server or the benchmark's scipy rounds do), each call took about
 * 290 page faults and 18–22 ms of CPU, against about 45 and 15–16 ms with the memory reused.
 *
 * Large tables gain most. The copy of a 3000 × 3000 `number[][]` (72 MB): 268 ms into a new buffer,
 * 22 ms into one a previous call gave back (CPU, loaded machine; optimalAssignment from number[][]
 * 184–238 ms with it, 444 without). The dense rank tables of deferred acceptance on complete lists, repeated
 * calls: 10,000 × 10,000 484 ms with the pool against 1,621 ms without, 5,000 × 5,000 139 against 401 ms (a
 * fresh 200 MB table makes V8 collect the caller's whole heap for its external memory).
 */

/**
 * Spare buffers kept at most: a solve holds two at once, a result two more, an instance its working copy
 * and two rank tables.
 */
const MAX_SPARES = 6;

/**
 * Buffers given back, newest last, held weakly (the collector may take them when memory is short). See
 * the module comment for the figures (about 290 page faults and 3–4 ms a call at 5000 rows without it).
 */
const spares: WeakRef<ArrayBuffer>[] = [];

/** The typed array kinds a scratch carves: their constructor. */
type ArrayType<T extends Float64Array | Int32Array | Uint16Array> = {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): T;
  new (buffer: ArrayBuffer, offset: number, length: number): T;
};

/**
 * Typed arrays of one call carved from one buffer: the smallest spare buffer large enough, or a new one.
 * Arrays are zero-filled as new arrays are, unless the caller asks for them as they are (it writes before
 * it reads). A request beyond the buffer gets a new array of its own: a size too small makes a call
 * slower, never wrong. The arrays must not outlive {@link Scratch.release}: nothing a public function
 * returns may be carved from a scratch.
 *
 * @example
 * const scratch = new Scratch(8 * n + 4 * m + 16);
 * try {
 *   const own = scratch.floats(n);
 *   const load = scratch.ints(m);
 * } finally {
 *   scratch.release();
 * }
 */
export class Scratch {
  private readonly buffer: ArrayBuffer;
  private readonly reused: boolean;
  /** Where the next array starts; +Infinity once released (nothing more is carved). */
  private at = 0;

  /** A scratch of `bytes` (each array takes its size rounded up to 8). O(spares), or O(bytes) when new. */
  constructor(bytes: number) {
    let best: ArrayBuffer | undefined;
    let where = -1;
    for (let k = 0; k < spares.length; k++) {
      const b = spares[k]!.deref();
      if (
        b !== undefined &&
        b.byteLength >= bytes &&
        (best === undefined || b.byteLength < best.byteLength)
      ) {
        best = b;
        where = k;
      }
    }
    if (where >= 0) spares.splice(where, 1);
    this.reused = best !== undefined;
    this.buffer = best ?? new ArrayBuffer(bytes);
  }

  /** A Float64Array of `length`: zeros, or (`zero` false) whatever the buffer held. O(length) or O(1). */
  floats(length: number, zero = true): Float64Array {
    return this.array(Float64Array, length, zero);
  }

  /** An Int32Array of `length`: zeros, or (`zero` false) whatever the buffer held. O(length) or O(1). */
  ints(length: number, zero = true): Int32Array {
    return this.array(Int32Array, length, zero);
  }

  /** Gives the buffer back for the next call; the arrays carved from it must not be used after. O(1). */
  release(): void {
    if (this.at === Infinity) return;
    this.at = Infinity;
    spares.push(new WeakRef(this.buffer));
    if (spares.length > MAX_SPARES) spares.shift();
  }

  /** `length` elements of `Type` carved at the next 8-aligned offset, or a new array when they do not fit. */
  array<T extends Float64Array | Int32Array | Uint16Array>(
    Type: ArrayType<T>,
    length: number,
    zero: boolean,
  ): T {
    const at = this.at;
    const end = at + Math.ceil((length * Type.BYTES_PER_ELEMENT) / 8) * 8;
    if (end > this.buffer.byteLength) return new Type(length);
    this.at = end;
    const view = new Type(this.buffer, at, length);
    return zero && this.reused ? (view.fill(0) as T) : view;
  }
}

/** The scratch of each array made by {@link pooledArray}, for {@link releasePooled}. */
const pooled = new WeakMap<object, Scratch>();

/**
 * An array of its own scratch, for work memory that outlives the function making it (an instance's copy
 * of `number[][]` scores, its rank tables): {@link releasePooled} gives it back when the call is over.
 *
 * @param Type - Float64Array, Int32Array or Uint16Array.
 * @param length - number of elements.
 * @param zero - false: the content is whatever the buffer held (the caller writes before it reads).
 * @returns the array.
 * @example
 * const copy = pooledArray(Float64Array, rows * cols, false); // … releasePooled(copy) when done
 */
export function pooledArray<T extends Float64Array | Int32Array | Uint16Array>(
  Type: ArrayType<T>,
  length: number,
  zero: boolean,
): T {
  const scratch = new Scratch(length * Type.BYTES_PER_ELEMENT);
  const array = scratch.array(Type, length, zero);
  pooled.set(array, scratch);
  return array;
}

/** Gives back an array made by {@link pooledArray} (nothing for any other array, or null). O(1). */
export function releasePooled(array: object | null | undefined): void {
  // Released twice (the map keeps the entry while the array lives): the second release does nothing.
  if (array) pooled.get(array)?.release();
}
