/** The test oracle of honest explanations: what the answers themselves say about a reason. */
import type { Criterion, Participant } from "mentor-match";

function list(p: Participant, question: string): string[] {
  const a = p.answers[question];
  return Array.isArray(a) ? (a as string[]) : [];
}

function num(
  p: Participant,
  c: { question?: string | undefined; field?: string | undefined },
): number | undefined {
  if (c.field !== undefined) {
    const v = (p as unknown as Record<string, unknown>)[c.field];
    return typeof v === "number" ? v : undefined;
  }
  const a = p.answers[c.question ?? ""];
  return typeof a === "number" ? a : undefined;
}

/** Whether the answers of a mentee and a mentor support citing criterion `c` as a reason for the pair. */
export function supportedByAnswers(c: Criterion, mentee: Participant, mentor: Participant): boolean {
  switch (c.kind) {
    case "overlap":
    case "schedule": {
      const b = new Set(list(mentor, c.question));
      return list(mentee, c.question).some((x) => b.has(x));
    }
    case "coverage": {
      const b = new Set(list(mentor, c.offer));
      return list(mentee, c.need).some((x) => b.has(x));
    }
    case "categorical": {
      const a = mentee.answers[c.question];
      const b = mentor.answers[c.mentorQuestion ?? c.question];
      if (a === undefined || b === undefined) return false;
      const [x, y] = [String(a), String(b)];
      return (
        x === y ||
        c.any.includes(x) ||
        c.any.includes(y) ||
        c.compatible.some(([p, q]) => (p === x && q === y) || (p === y && q === x))
      );
    }
    case "gap": {
      const a = num(mentee, c);
      const b = num(mentor, c);
      if (a === undefined || b === undefined) return false;
      const d = b - a;
      return d >= (c.min ?? Number.NEGATIVE_INFINITY) && d <= (c.max ?? Number.POSITIVE_INFINITY);
    }
    case "numeric":
      return num(mentee, c) !== undefined && num(mentor, c) !== undefined;
    case "ordinal":
      return mentee.answers[c.question] !== undefined && mentor.answers[c.question] !== undefined;
    case "preference":
      return mentee.preferences.includes(mentor.id) || mentor.preferences.includes(mentee.id);
    case "formula":
      return true;
  }
}
