import { runInTemp } from "./test/invariants/_cli.ts";
import { toCsv, population } from "./test/invariants/_population.ts";
import * as fc from "fast-check";
const [{ mentors, mentees }] = fc.sample(population(4, 6), { numRuns: 1, seed: 42 });
const a = await runInTemp({ "mentors.csv": toCsv(mentors, "mentor"), "mentees.csv": toCsv(mentees, "mentee") }, ["match", "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--form", "student-student", "--out", "out"]);
const b = await runInTemp({ "mentors.csv": toCsv([...mentors].reverse(), "mentor"), "mentees.csv": toCsv([...mentees].reverse(), "mentee") }, ["match", "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--form", "student-student", "--out", "out"]);
import { writeFileSync } from "node:fs";
for (const f of Object.keys(a.outputs)) { if (a.outputs[f] !== b.outputs[f]) { writeFileSync(`/tmp/a-${f}`, a.outputs[f]!); writeFileSync(`/tmp/b-${f}`, b.outputs[f]!); console.log("DIFF", f); } }
