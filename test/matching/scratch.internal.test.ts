/**
 * The pool of work memory (matching/_internal/scratch.ts): arrays carved from a reused buffer start as
 * new arrays do, never overlap, and a request beyond the buffer still gets an array of its own.
 */
import { describe, expect, it } from "vitest";
import { Scratch } from "../../src/matching/_internal/scratch.js";

describe("Scratch", () => {
  it("reuses a released buffer, and its arrays start at zero whatever the last user wrote", () => {
    const first = Scratch.take(Scratch.bytes(100, 100, 2));
    const a = first.floats(100);
    const b = first.ints(100);
    a.fill(7.5);
    b.fill(-3);
    first.release();
    const second = Scratch.take(Scratch.bytes(100, 100, 2));
    const c = second.ints(100);
    const d = second.floats(100);
    expect(c.buffer).toBe(a.buffer); // the same memory, reused
    expect([...c].every((x) => x === 0)).toBe(true);
    expect([...d].every((x) => x === 0)).toBe(true);
    second.release();
  });

  it("carves arrays that do not overlap, 8-byte aligned, and gives a request beyond the buffer a new array", () => {
    const s = Scratch.take(Scratch.bytes(3, 5, 3));
    const ints = s.ints(5); // 20 bytes, rounded to 24
    const floats = s.floats(3);
    const more = s.floats(1000); // far beyond the buffer
    expect(floats.byteOffset % 8).toBe(0);
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

  it("leaves the content of the 'as they are' arrays alone (the caller writes first)", () => {
    const first = Scratch.take(64);
    first.intsAsThey(16).fill(9);
    first.release();
    const second = Scratch.take(64);
    const again = second.intsAsThey(16);
    expect(again.buffer).toBe(second.intsAsThey(0).buffer);
    expect(again.length).toBe(16);
    second.release();
  });
});
