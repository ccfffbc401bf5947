/** withInstance gives pooled rank tables back even when the work throws (issue 11, item 4). */
import { describe, expect, it } from "vitest";
import type { Instance } from "../../src/matching/_internal/instance.js";
import { withInstance } from "../../src/matching/_internal/withInstance.js";

describe("withInstance", () => {
  const lists = {
    menteePreferences: [
      [0, 1],
      [1, 0],
    ],
    mentorPreferences: [
      [0, 1],
      [1, 0],
    ],
  };

  it("releases the instance's rank tables when the work returns and when it throws", () => {
    let seen: Instance | null = null;
    expect(
      withInstance(lists, { scoresOptional: true }, (inst) => {
        seen = inst;
        expect(inst.cache.mentorRank).not.toBeNull();
        return 7;
      }),
    ).toBe(7);
    expect(seen!.cache.mentorRank).toBeNull();
    expect(() =>
      withInstance(lists, { scoresOptional: true }, (inst) => {
        seen = inst;
        throw new Error("late failure");
      }),
    ).toThrow("late failure");
    expect(seen!.cache.mentorRank).toBeNull();
  });
});
