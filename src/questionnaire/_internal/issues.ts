/** zod issues → typed errors with the path of the offending key. */
import type * as z from "zod";
import { type ErrorCode, InputFileError, ProgramError } from "../../errors.js";

/** `["criteria", 2, "weight"]` → `criteria[2].weight`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}

/** A short English description of one issue, without the path. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator !== undefined) {
        return `unknown ${issue.discriminator}; expected one of ${((issue as { options?: unknown[] }).options ?? []).map((o) => `"${String(o)}"`).join(", ")}`;
      }
      return issue.message;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message.replace(/^Invalid input: /, "");
  }
}

/** A program config error from zod issues (the first one in the message, all in `details.issues`). */
export function programErrorFromIssues(issues: readonly z.core.$ZodIssue[]): ProgramError {
  const first = issues[0]!;
  const path = formatPath(first.path);
  const unknownKind =
    first.code === "invalid_union" &&
    "discriminator" in first &&
    first.path[first.path.length - 1] === "kind" &&
    first.path[0] === "criteria";
  const code: ErrorCode = unknownKind ? "UNKNOWN_CRITERION" : "INVALID_PROGRAM";
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  return new ProgramError(code, `Invalid program config: ${describeIssue(first)}${more}.`, {
    location: { column: path },
    hint: unknownKind
      ? "Use one of the criterion kinds listed in docs/program.md."
      : "Fix this key of the config (docs/program.md describes every key).",
    details: {
      path,
      issues: issues.map((i) => ({ path: formatPath(i.path), message: describeIssue(i) })),
    },
  });
}

/** A participant error naming the participant by position and id, never by name. */
export function participantError(
  code: ErrorCode,
  index: number,
  id: string | undefined,
  path: string,
  problem: string,
  hint: string,
): InputFileError {
  const who = `participant #${index + 1}${id === undefined ? "" : ` (id "${id}")`}`;
  return new InputFileError(code, `${who}, ${path}: ${problem}.`, {
    hint,
    // The problem on its own (`issue`), so that a caller can restate it without parsing the message.
    details: { index, ...(id === undefined ? {} : { id }), path, issue: problem },
  });
}
