/**
 * The pool of work memory (matching/_internal/scratch.ts): arrays carved from a reused buffer start as
 * new arrays do, never overlap, and a request beyond the buffer still gets an array of its own.
 */
import { describe, expect, it } from "vitest";
import { Scratch } from "../../src/matching/_internal/scratch.js";

describe("Scratch", () => {
  it("reuses a released buffer, and its arrays start at zero whatever the last user wrote", () => {
    const first = new Scratch(1600);
    const a = first.floats(100);
    const b = first.ints(100);
    a.fill(7.5);
    b.fill(-3);
    first.release();
    const second = new Scratch(1600);
    const c = second.ints(100);
    const d = second.floats(100);
    expect(c.buffer).toBe(a.buffer); // the same memory, reused
    expect([...c].every((x) => x === 0)).toBe(true);
    expect([...d].every((x) => x === 0)).toBe(true);
    second.release();
  });

  it("takes the smallest spare buffer that is large enough", () => {
    const big = new Scratch(1 << 16);
    const small = new Scratch(1 << 10);
    const bigBuffer = big.ints(1).buffer;
    const smallBuffer = small.ints(1).buffer;
    big.release();
    small.release();
    const again = new Scratch(512);
    expect(again.ints(1).buffer).toBe(smallBuffer);
    const large = new Scratch(4096);
    expect(large.ints(1).buffer).toBe(bigBuffer);
    again.release();
    large.release();
  });

  it("carves arrays that do not overlap, 8-byte aligned, and gives a request beyond the buffer a new array", () => {
    const s = new Scratch(48);
    const ints = s.ints(5); // 20 bytes, rounded to 24
    const floats = s.floats(3);
    const more = s.floats(1000); // far beyond the buffer
    expect(floats.byteOffset % 8).toBe(0);
    expect(floats.byteOffset).toBeGreaterThanOrEqual(ints.byteOffset + ints.byteLength);
    expect(more.length).toBe(1000);
    expect(more.buffer).not.toBe(ints.buffer);
    ints.fill(1);
    floats.fill(2);
    more.fill(3);
    expect([...ints]).toEqual([1, 1, 1, 1, 1]);
    expect([...floats]).toEqual([2, 2, 2]);
    s.release();
    s.release(); // twice: harmless
    // After release nothing more is carved from the buffer it gave back.
    expect(s.ints(2).buffer).not.toBe(ints.buffer);
  });

  it("leaves the content alone when asked to (the caller writes first)", () => {
    const first = new Scratch(64);
    first.ints(16).fill(9);
    first.release();
    const second = new Scratch(64);
    expect([...second.ints(16, false)]).toEqual(new Array(16).fill(9));
    second.release();
  });
});
