import {
  type MatchingInstance,
  priceOfStability,
  type RematchInput,
  type RematchResult,
  rematch,
  rematchMatchResult,
} from "mentor-match";
import { describe, expect, it } from "vitest";

const NO = Number.NEGATIVE_INFINITY;

/** Today's program from a table: rows = mentees, columns = mentors. */
function input(
  mentees: string[],
  mentors: string[],
  scores: number[][],
  extra: Partial<MatchingInstance> = {},
  more: Partial<RematchInput> = {},
): RematchInput {
  return {
    instance: { scores, ...extra },
    mentees: mentees.map((id) => ({ id })),
    mentors: mentors.map((id) => ({ id })),
    ...more,
  };
}

function pairsOf(r: RematchResult, inp: RematchInput): Record<string, string> {
  const out: Record<string, string> = {};
  r.mentorOf.forEach((j, i) => {
    if (j >= 0) out[inp.mentees[i]!.id] = inp.mentors[j]!.id;
  });
  return out;
}

function lines(r: RematchResult): string[] {
  return r.changes.map(
    (c) =>
      `${c.change} ${c.mentor} ${c.mentee} ${c.reason}${c.detail === undefined ? "" : ` (${c.detail})`}${c.previousMentor === undefined ? "" : ` from ${c.previousMentor}`}`,
  );
}

describe("rematch: the pairs in force stay", () => {
  it("with no change returns the previous pairs exactly, all kept", () => {
    const inp = input(
      ["S1", "S2", "S3"],
      ["M1", "M2"],
      [
        [0.2, 0.9],
        [0.9, 0.1],
        [0.5, 0.5],
      ],
      { capacities: [1, 1] },
    );
    const previous = { S1: "M1", S2: "M2" }; // not what a fresh run would pick
    const r = rematch(inp, previous);
    expect(pairsOf(r, inp)).toEqual(previous);
    expect(r.counts).toEqual({ kept: 2, new: 0, ended: 0, moved: 0 });
    expect(r.moves).toBe(0);
  });

  it("places a late mentee in a free seat without moving anyone in a valid pair", () => {
    // M1 would rather have the late joiner S4, but S1 stays with M1; S4 goes to M2's free seat.
    const inp = input(
      ["S1", "S2", "S3", "S4"],
      ["M1", "M2"],
      [
        [0.3, 0.2],
        [0.1, 0.4],
        [0.2, 0.1],
        [0.9, 0.5],
      ],
      { capacities: [1, 2] },
    );
    const r = rematch(inp, { S1: "M1", S2: "M2" });
    expect(lines(r)).toEqual(["new M2 S4 placed", "kept M1 S1 still-valid", "kept M2 S2 still-valid"]);
    expect(r.placedFrom).toBe(2); // S3 and S4
  });

  it("gives a late mentor the mentees who were waiting", () => {
    const inp = input(
      ["S1", "S2", "S3"],
      ["M1", "M9"],
      [
        [0.8, 0.9],
        [0.4, 0.7],
        [0.3, 0.6],
      ],
      { capacities: [1, 2] },
    );
    const r = rematch(inp, { S1: "M1" });
    expect(lines(r)).toEqual(["new M9 S2 placed", "new M9 S3 placed", "kept M1 S1 still-valid"]);
  });

  it("re-places only the mentees of a mentor who left", () => {
    // M2 left: S2 and S3 are re-placed; S1 stays with M1 though S2 scores higher with M1.
    const inp = input(
      ["S1", "S2", "S3", "S4"],
      ["M1", "M3"],
      [
        [0.2, 0.3],
        [0.9, 0.8],
        [0.5, 0.6],
        [0.1, 0.1],
      ],
      { capacities: [2, 1] },
    );
    const r = rematch(inp, { S1: "M1", S2: "M2", S3: "M2", S4: "M3" });
    expect(lines(r)).toEqual([
      "ended M2 S2 mentor-left",
      "ended M2 S3 mentor-left",
      "new M1 S2 re-placed",
      "kept M1 S1 still-valid",
      "kept M3 S4 still-valid",
    ]);
    expect(pairsOf(r, inp).S3).toBeUndefined();
  });

  it("offers the seat of a mentee who left to those waiting, moving nobody", () => {
    const inp = input(
      ["S2", "S3", "S4"],
      ["M1", "M2"],
      [
        [0.95, 0.2],
        [0.9, 0.2],
        [0.7, 0.3],
      ],
      { capacities: [1, 1] },
    );
    // S1 left M1; S3 and S4 were waiting. S2 and M1 would both rather be together, but S2's pair with M2
    // is in force: M1's seat goes to S3, the waiting mentee M1 prefers; S4 keeps waiting.
    const r = rematch(inp, { S1: "M1", S2: "M2" });
    expect(lines(r)).toEqual(["ended M1 S1 mentee-left", "new M1 S3 placed", "kept M2 S2 still-valid"]);
    expect(r.mentorOf[2]).toBe(-1);
    // A from-scratch run would move S2 to M1.
    expect(priceOfStability(r).fromScratchResult.mentorOf[0]).toBe(0);
  });
});

describe("rematch: order of the changes", () => {
  it("lists the changes by kind, then mentor id, then mentee id, whatever the row order", () => {
    const scores = [
      [0.5, 0.4, 0.3],
      [0.2, 0.9, 0.1],
      [0.6, 0.5, 0.8],
      [0.7, 0.1, 0.2],
    ];
    const a = input(["S4", "S3", "S2", "S1"], ["M3", "M1", "M2"], scores, { capacities: [2, 1, 1] });
    const r = rematch(a, { S4: "M3", S3: "M1", S1: "M9" });
    expect(lines(r)).toEqual([
      "ended M9 S1 mentor-left",
      "new M2 S2 placed",
      "new M3 S1 re-placed",
      "kept M1 S3 still-valid",
      "kept M3 S4 still-valid",
    ]);
  });
});

describe("rematch: pairs that end", () => {
  it("dissolves a failed pair with the coordinator's reason, and never pairs the two again", () => {
    const inp = input(
      ["S1", "S2"],
      ["M1", "M2"],
      [
        [0.9, 0.4],
        [0.3, 0.8],
      ],
      { capacities: [1, 1] },
    );
    const r = rematch(
      inp,
      { S1: "M1", S2: "M2" },
      {
        ended: [{ mentee: "S1", mentor: "M1", reason: "не сложилось общение" }],
      },
    );
    expect(lines(r)).toEqual(["ended M1 S1 coordinator (не сложилось общение)", "kept M2 S2 still-valid"]);
    // M1 has a free seat and is S1's best mentor, but the pair is forbidden: S1 waits.
    expect(r.mentorOf[0]).toBe(-1);
    expect(priceOfStability(r).fromScratchResult.mentorOf[0]).not.toBe(0);
  });

  it("keeps the coordinator's choice when a capacity is lowered, and says so", () => {
    const inp = input(
      ["S1", "S2", "S3"],
      ["M1", "M2"],
      [
        [0.9, 0.5],
        [0.4, 0.6],
        [0.7, 0.2],
      ],
      { capacities: [1, 2] },
    );
    const previous = { S1: "M1", S2: "M1", S3: "M1" }; // M1 had three; now takes one
    const pinned = rematch(inp, previous, { keep: [{ mentee: "S2", mentor: "M1" }] });
    expect(pinned.capacityCuts).toEqual([
      { mentor: "M1", capacity: 1, previous: 3, stayed: ["S2"], ended: ["S1", "S3"], rule: "coordinator" },
    ]);
    expect(lines(pinned)).toEqual([
      "ended M1 S1 capacity-lowered (coordinator)",
      "ended M1 S3 capacity-lowered (coordinator)",
      "new M2 S1 re-placed",
      "new M2 S3 re-placed",
      "kept M1 S2 still-valid",
    ]);
    const best = rematch(inp, previous);
    expect(best.capacityCuts[0]).toMatchObject({ stayed: ["S1"], ended: ["S2", "S3"], rule: "best-scoring" });
    expect(pairsOf(best, inp)).toEqual({ S1: "M1", S2: "M2", S3: "M2" });
  });

  it("dissolves a pair that has become invalid, with the reason", () => {
    const inp = input(
      ["S1", "S2", "S3", "S4"],
      ["M1", "M2", "M3", "M4"],
      [
        [NO, 0.5, 0.5, 0.5],
        [0.5, 0.6, 0.5, 0.5],
        [0.5, 0.5, 0.1, 0.5],
        [0.5, 0.5, 0.5, 0.9],
      ],
      { minScore: 0.2, forbidden: Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) },
      {
        excluded: [{ id: "S5", reason: "guardian-consent-missing" }],
        ineligibleReason: (i, j) => (i === 0 && j === 0 ? { criterion: "grade-gap" } : null),
      },
    );
    const r = rematch(inp, { S1: "M1", S2: "M2", S3: "M3", S4: "M4", S5: "M4" }, { strategy: "optimal" });
    expect(
      r.changes.filter((c) => c.change === "ended").map((c) => `${c.mentee} ${c.reason} ${c.detail ?? ""}`),
    ).toEqual([
      "S1 no-longer-eligible grade-gap",
      "S2 forbidden-by-rule ",
      "S3 below-min-score ",
      "S5 mentee-excluded guardian-consent-missing",
    ]);
    expect(r.counts.kept).toBe(1);
    expect(r.mentorOf[1]).not.toBe(1); // S2 is not put back with M2
  });
});

describe("rematch: strategies and moves", () => {
  // M1 and M2 take one each; S1 (in force with M1) scores the same with both; the late S2 wants M1.
  const inp = input(
    ["S1", "S2"],
    ["M1", "M2"],
    [
      [0.5, 0.5],
      [0.9, 0.1],
    ],
    { capacities: [1, 1] },
  );

  it("without moves, keeps the pair and reports the price against a fresh run", () => {
    for (const strategy of ["stable", "optimal", "fair"] as const) {
      const r = rematch(inp, { S1: "M1" }, { strategy });
      expect(pairsOf(r, inp)).toEqual({ S1: "M1", S2: "M2" });
      const price = priceOfStability(r);
      expect(price.rematch).toMatchObject({ matched: 2 });
      expect(price.fromScratch.matched).toBe(2);
      expect(price.pairsChanged).toBe(2);
      if (strategy === "optimal") expect(price.totalScoreLost).toBeCloseTo(0.8);
    }
  });

  it("moves a pair only when allowed and worth the margin", () => {
    const moved = rematch(inp, { S1: "M1" }, { strategy: "optimal", maxMoves: 1 });
    expect(lines(moved)).toEqual(["moved M2 S1 improves from M1", "new M1 S2 placed"]);
    expect(moved.moves).toBe(1);
    expect(moved.totalScore).toBeCloseTo(1.4);
    // A margin above the gain (0.8 per move): nobody moves.
    expect(rematch(inp, { S1: "M1" }, { strategy: "optimal", maxMoves: 1, moveMargin: 0.9 }).moves).toBe(0);
    // fair: the worst pair rises from 0.1 to 0.5.
    expect(rematch(inp, { S1: "M1" }, { strategy: "fair", maxMoves: 1 }).moves).toBe(1);
    // stable: the move removes the blocking pair (S2, M1).
    expect(rematch(inp, { S1: "M1" }, { strategy: "stable", maxMoves: 1 }).moves).toBe(1);
  });

  it("never makes more moves than allowed", () => {
    // Two pairs in force, each better swapped with a late joiner in; at most one move allowed.
    const four = input(
      ["S1", "S2", "S3", "S4"],
      ["M1", "M2", "M3", "M4"],
      [
        [0.5, NO, 0.5, NO],
        [NO, 0.5, NO, 0.4],
        [0.9, NO, 0.1, NO],
        [NO, 0.9, NO, 0.1],
      ],
    );
    const r = rematch(four, { S1: "M1", S2: "M2" }, { strategy: "optimal", maxMoves: 1 });
    expect(r.moves).toBe(1);
    expect(r.counts).toMatchObject({ moved: 1, kept: 1 });
    expect(rematch(four, { S1: "M1", S2: "M2" }, { strategy: "optimal", maxMoves: 2 }).moves).toBe(2);
  });

  it("gives the whole program as a MatchResult", () => {
    const r = rematch(inp, { S1: "M1" }, { strategy: "stable" });
    const full = rematchMatchResult(r);
    expect(full.strategy).toBe("rematch-stable");
    expect([...full.mentorOf]).toEqual([...r.mentorOf]);
    expect(full.metrics.matched).toBe(2);
    expect(full.metrics.blockingPairs).toBe(1); // (S2, M1): the price of keeping S1 with M1
  });

  it("rejects a mentee given two mentors in force and unknown options", () => {
    expect(() =>
      rematch(inp, [
        { mentee: "S1", mentor: "M1" },
        { mentee: "S1", mentor: "M2" },
      ]),
    ).toThrow(/same mentee two mentors/);
    expect(() => rematch(inp, {}, { strategy: "greedy" as "stable" })).toThrow(/stable, optimal or fair/);
    expect(() => rematch(inp, {}, { maxMoves: -1 })).toThrow(/maxMoves/);
  });
});
