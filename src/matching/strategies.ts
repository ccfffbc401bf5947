/**
 * The names of the matching strategies, in a stable order. `match` runs each by name; a program config
 * names one of them.
 */
export const STRATEGIES = [
  "stable",
  "stable-mentor",
  "optimal",
  "fair",
  "greedy",
  "random",
  "egalitarian",
  "minimum-regret",
] as const;
