/** `match(…, { onProgress })`: ticks from inside the algorithms, a share that never goes back, same result. */
import { describe, expect, it } from "vitest";
import { generateParticipants, match, preset, scoreParticipants, type StrategyName } from "mentor-match";

const program = preset("student-student");
const { instance } = scoreParticipants(
  program,
  generateParticipants(program, { mentors: 80, mentees: 300, seed: 7 }),
);

describe("match with onProgress", () => {
  for (const strategy of ["optimal", "stable", "stable-mentor", "fair"] as StrategyName[]) {
    it(`${strategy}: reports from inside the run, moving forward, and matches as without a listener`, () => {
      const calls: [number, number][] = [];
      const withBar = match(instance, { strategy, onProgress: (done, total) => calls.push([done, total]) });
      const without = match(instance, { strategy });
      expect(Array.from(withBar.mentorOf)).toEqual(Array.from(without.mentorOf));
      // Several ticks for 300 mentees (one every few dozen rows), not one per row.
      expect(calls.length).toBeGreaterThan(1);
      expect(calls.length).toBeLessThan(300);
      let last = -1;
      for (const [done, total] of calls) {
        expect(total).toBeGreaterThan(0);
        expect(done).toBeGreaterThanOrEqual(0);
        expect(done).toBeLessThanOrEqual(total);
        expect(done / total).toBeGreaterThanOrEqual(last);
        last = done / total;
      }
    });
  }

  it("a listener of one call does not hear the next call", () => {
    let heard = 0;
    match(instance, { strategy: "optimal", onProgress: () => heard++ });
    const after = heard;
    match(instance, { strategy: "optimal" });
    expect(after).toBeGreaterThan(0);
    expect(heard).toBe(after);
  });

  it("refuses an onProgress that is not a function", () => {
    expect(() => match(instance, { onProgress: 5 as unknown as () => void })).toThrow(/onProgress/);
  });
});
