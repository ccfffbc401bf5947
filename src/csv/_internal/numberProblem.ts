/** The problem of a cell that should hold a number (a capacity, an age, a grade …) and does not. */
import { InputFileError } from "../../errors.js";

export type NumberKind = "capacity" | "age" | "experience" | "grade" | "number";

const NUMBER_WHAT: Readonly<Record<NumberKind, string>> = {
  capacity: "a number of mentees (0 to 1000)",
  age: "an age",
  experience: "a number of years",
  grade: "a grade (1 to 11, e.g. «7Б»)",
  number: "a number",
};

const NUMBER_HINT: Readonly<Record<NumberKind, string>> = {
  capacity: "Write how many mentees the mentor takes: «2», «два», «до 3» or «5+».",
  age: "Write the age in whole years, e.g. «15».",
  experience: "Write the years, e.g. «3», «три года» or «более 10 лет».",
  grade: "Write the grade as a number from 1 to 11, e.g. «7» or «7Б» (in a college form: the year of study).",
  number: "Write a number (digits or a word such as «два»), or a range such as «3-5» or «до 3».",
};

/** A `NOT_A_NUMBER` problem naming the cell, what it should hold and how to write it. O(1). */
export function numberProblem(file: string, row: number, column: string, what: NumberKind): InputFileError {
  return new InputFileError("NOT_A_NUMBER", `The cell is not ${NUMBER_WHAT[what]}.`, {
    location: { file, row, column },
    hint: NUMBER_HINT[what],
    details: { what },
  });
}
