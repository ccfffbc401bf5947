/** Exit codes of the CLI. */
export const EXIT = {
  ok: 0,
  /** A wrong command, option or option value. */
  usage: 1,
  /** An input file, a program config or a participant that cannot be used as it is. */
  input: 2,
  /** The matching constraints cannot all hold (e.g. pinned pairs over a capacity). */
  infeasible: 3,
  /** A bug in mentor-match. */
  internal: 70,
} as const;

export class UsageError extends Error {}
