/**
 * `--pseudonymize`: every output names people by stable codes (derived from the id and the seed), never by
 * name or e-mail, so the outputs can be shared; everything else (pairs, reasons, the partition) is as
 * without it.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../fuzz/_harness.js";
import { runInTemp } from "../invariants/_cli.js";
import { type Person, population, toCsv } from "../invariants/_population.js";

const CODE = /^P-[0-9A-F]{4,8}(-\d+)?$/;

interface PairsJson {
  readonly groups: readonly {
    mentor: { id: string; name?: string };
    mentees: readonly { id: string; name?: string }[];
  }[];
  readonly unmatched: readonly { id: string; name?: string }[];
}

async function run(
  mentors: readonly Person[],
  mentees: readonly Person[],
  seed: number,
  extra: string[] = [],
) {
  return runInTemp({ "mentors.csv": toCsv(mentors, "mentor"), "mentees.csv": toCsv(mentees, "mentee") }, [
    "match",
    "--mentors",
    "mentors.csv",
    "--mentees",
    "mentees.csv",
    "--form",
    "student-student",
    "--seed",
    String(seed),
    "--out",
    "out",
    ...extra,
  ]);
}

describe("mentor-match match --pseudonymize", () => {
  it("writes no name and no e-mail anywhere, the same code for a person everywhere, and the same pairs", async () => {
    await fc.assert(
      fc.asyncProperty(population(), fc.nat(1000), async ({ mentors, mentees }, seed) => {
        const plain = await run(mentors, mentees, seed);
        const coded = await run(mentors, mentees, seed, ["--pseudonymize"]);
        expect(coded.code, coded.stderr).toBe(0);
        const everything = [...Object.values(coded.outputs), coded.stdout, coded.stderr].join("\n");
        for (const p of [...mentors, ...mentees]) {
          expect(everything).not.toContain(p.name.split(" ")[0]!);
          expect(everything).not.toContain(p.email);
        }
        const a = JSON.parse(plain.outputs["pairs.json"]!) as PairsJson;
        // Without the option the names are there (so their absence above means something).
        const plainText = Object.values(plain.outputs).join("\n");
        const shown = [...mentors, ...mentees].filter((p) => plainText.includes(p.name.split(" ")[0]!));
        if (a.groups.length > 0) expect(shown.length).toBeGreaterThan(0);
        const b = JSON.parse(coded.outputs["pairs.json"]!) as PairsJson;
        // The same pairs and unmatched, by id.
        const pairs = (j: PairsJson) =>
          j.groups.flatMap((g) => g.mentees.map((m) => `${g.mentor.id}:${m.id}`)).sort();
        expect(pairs(b)).toEqual(pairs(a));
        expect(b.unmatched.map((u) => u.id)).toEqual(a.unmatched.map((u) => u.id));
        // Names are codes of the form P-XXXX, one per person, the same in every place and file.
        const codes = new Map<string, string>();
        const seen = (id: string, name: string | undefined) => {
          expect(name).toMatch(CODE);
          expect(codes.get(id) ?? name).toBe(name);
          codes.set(id, name!);
        };
        for (const g of b.groups) {
          seen(g.mentor.id, g.mentor.name);
          for (const m of g.mentees) seen(m.id, m.name);
        }
        for (const u of b.unmatched) seen(u.id, u.name);
        expect(new Set(codes.values()).size).toBe(codes.size);
        for (const [id, code] of codes) {
          if (coded.outputs["pairs.csv"]!.includes(`${id},`))
            expect(coded.outputs["pairs.csv"]).toContain(code);
        }
      }),
      { numRuns: fuzzRuns(5) },
    );
  });

  it("names nobody even when the participant codes are e-mails: not in outputs, warnings or messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        population(),
        fc.nat(1000),
        fc.constantFrom("ru", "en"),
        async ({ mentors, mentees }, seed, language) => {
          // Some schools use the e-mail as the participant code; preferences naming the excluded, nobody or
          // several people then produce warnings, which must not repeat an e-mail either.
          const byEmail = (p: Person): Person => ({ ...p, id: p.email });
          const coded = await run(mentors.map(byEmail), mentees.map(byEmail), seed, [
            "--pseudonymize",
            "--lang",
            language,
          ]);
          expect(coded.code, coded.stderr).toBe(0);
          const everything = [...Object.values(coded.outputs), coded.stdout, coded.stderr].join("\n");
          for (const p of [...mentors, ...mentees]) expect(everything).not.toContain(p.email);
          expect(everything).not.toMatch(/[\w.-]+@[\w-]+\./);
        },
      ),
      { numRuns: fuzzRuns(8) },
    );
  });
});
