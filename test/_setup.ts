/**
 * Runs before every test file: fixes fast-check's seed so that `npm test` (and CI) checks the same cases
 * on every run; a failure then reproduces exactly. `MENTOR_MATCH_FC_SEED=N` picks another seed and
 * `MENTOR_MATCH_FC_SEED=random` a new one per run, for exploring (fast-check prints the seed of a failure).
 */
import fc from "fast-check";

const DEFAULT_SEED = 20_261_201;
const fromEnv = process.env.MENTOR_MATCH_FC_SEED;

if (fromEnv !== "random") {
  const seed = fromEnv === undefined || fromEnv === "" ? DEFAULT_SEED : Number(fromEnv);
  if (!Number.isInteger(seed))
    throw new Error(`MENTOR_MATCH_FC_SEED must be an integer or "random", got ${fromEnv}.`);
  fc.configureGlobal({ seed });
}
