/**
 * Work memory that one call gives back for the next: typed arrays carved from a buffer that a finished
 * call released, instead of new arrays each call.
 *
 * A new typed array is new memory: a call that makes its work arrays afresh writes to pages the process
 * has not touched since the last collection (or, after a `fork` by a child process spawn, pages the
 * kernel has made copy-on-write), and pays a page fault for each 4 KB. The public optimal assignment on
 * OR-Library assignp5000 made about 1.2 MB of work arrays a call; measured in a process that spawns a
 * child between blocks of calls (as a server or the benchmark's scipy rounds do), each call took about
 * 290 page faults and 18–20 ms of CPU, against none and 14.5–16 ms when the memory is reused.
 */

/** Spare buffers kept (weakly) at most: a solve holds two at once, a result two more. */
const MAX_SPARES = 4;

/**
 * Buffers given back, held weakly (the collector may take them when memory is short), newest last. See
 * the module comment for the figures (about 290 page faults and 3–4 ms a call at 5000 rows without it).
 */
const spares: WeakRef<ArrayBuffer>[] = [];

/** The smallest spare buffer of at least `bytes` (taken out of the pool), or a new one. O(MAX_SPARES). */
function takeBuffer(bytes: number): { buffer: ArrayBuffer; reused: boolean } {
  let best = -1;
  let bestSize = Number.POSITIVE_INFINITY;
  for (let k = spares.length - 1; k >= 0; k--) {
    const b = spares[k]!.deref();
    if (b === undefined) {
      spares.splice(k, 1);
      if (best > k) best--;
      continue;
    }
    if (b.byteLength >= bytes && b.byteLength < bestSize) {
      best = k;
      bestSize = b.byteLength;
    }
  }
  if (best >= 0) {
    const buffer = spares[best]!.deref()!;
    spares.splice(best, 1);
    return { buffer, reused: true };
  }
  return { buffer: new ArrayBuffer(bytes), reused: false };
}

/** Puts a buffer back in the pool; when the pool is full, the smallest buffer leaves it. O(MAX_SPARES). */
function giveBack(buffer: ArrayBuffer): void {
  if (spares.length >= MAX_SPARES) {
    let smallest = 0;
    for (let k = 1; k < spares.length; k++) {
      const size = spares[k]!.deref()?.byteLength ?? -1;
      if (size < (spares[smallest]!.deref()?.byteLength ?? -1)) smallest = k;
    }
    if ((spares[smallest]!.deref()?.byteLength ?? -1) >= buffer.byteLength) return;
    spares.splice(smallest, 1);
  }
  spares.push(new WeakRef(buffer));
}

/**
 * Typed arrays of one call carved from one buffer of the pool, zero-filled as new arrays are (or left as
 * they are, where the caller writes before it reads). A request beyond the buffer gets a new array of
 * its own: a size hint too small makes a call slower, never wrong. The arrays must not outlive
 * {@link Scratch.release}: nothing a public function returns may be carved from a scratch.
 *
 * @example
 * const scratch = Scratch.take(8 * n + 4 * m);
 * try {
 *   const own = scratch.floats(n);
 *   const load = scratch.ints(m);
 *   // …
 * } finally {
 *   scratch.release();
 * }
 */
export class Scratch {
  private at = 0;
  private released = false;

  private constructor(
    private readonly buffer: ArrayBuffer,
    private readonly reused: boolean,
  ) {}

  /**
   * A scratch of about `bytes` (each array takes its size rounded up to 8 bytes), from the pool when a
   * spare buffer is large enough. O(1) (a new buffer: O(bytes) for the allocator's zeroing).
   */
  static take(bytes: number): Scratch {
    const { buffer, reused } = takeBuffer(Math.max(8, bytes));
    return new Scratch(buffer, reused);
  }

  /** Bytes a scratch needs for `floats` Float64 and `ints` Int32 elements in `arrays` arrays. */
  static bytes(floats: number, ints: number, arrays: number): number {
    return 8 * floats + 4 * ints + 8 * arrays;
  }

  /** `length` zeros as a Float64Array. O(length). */
  floats(length: number): Float64Array {
    const view = this.floatsAsThey(length);
    if (this.reused) view.fill(0);
    return view;
  }

  /** `length` zeros as an Int32Array. O(length). */
  ints(length: number): Int32Array {
    const view = this.intsAsThey(length);
    if (this.reused) view.fill(0);
    return view;
  }

  /** A Float64Array of `length` whose content is whatever the buffer held: write before reading. O(1). */
  floatsAsThey(length: number): Float64Array {
    const offset = this.carve(8 * length);
    return offset < 0 ? new Float64Array(length) : new Float64Array(this.buffer, offset, length);
  }

  /** An Int32Array of `length` whose content is whatever the buffer held: write before reading. O(1). */
  intsAsThey(length: number): Int32Array {
    const offset = this.carve(4 * length);
    return offset < 0 ? new Int32Array(length) : new Int32Array(this.buffer, offset, length);
  }

  /** Gives the buffer back to the pool; the arrays carved from it must not be used after this. O(1). */
  release(): void {
    if (this.released) return;
    this.released = true;
    giveBack(this.buffer);
  }

  /** The offset of `bytes` more in the buffer (8-aligned), or -1 when they do not fit. */
  private carve(bytes: number): number {
    const offset = this.at;
    const end = offset + Math.ceil(bytes / 8) * 8;
    if (this.released || end > this.buffer.byteLength) return -1;
    this.at = end;
    return offset;
  }
}
