import { parseMultiSelect, parseNumberCell, parseTimestamp, parseYesNo } from "mentor-match/csv";
import { describe, expect, it } from "vitest";

describe("parseYesNo", () => {
  it.each([
    ["Да", true],
    ["да", true],
    [" ДА ", true],
    ["+", true],
    ["yes", true],
    ["Yes", true],
    ["1", true],
    ["Согласен", true],
    ["Я даю согласие на обработку персональных данных", true],
    ["Нет", false],
    ["нет", false],
    ["-", false],
    ["no", false],
    ["0", false],
    ["Не согласен", false],
    ["Я не даю согласие", false],
    // Consent that is absent, withdrawn, lost, expired or only promised is no consent.
    ["Согласие отсутствует", false],
    ["Отсутствует согласие", false],
    ["согласие будет позже", false],
    ["Согласие аннулировано", false],
    ["Согласие утеряно", false],
    ["Согласие просрочено", false],
    ["Согласие в процессе оформления", false],
    ["Согласие отозвано", false],
    ["Consent withdrawn", false],
    ["consent pending", false],
    ["Согласие получено", true],
    ["Согласие родителя подписано", true],
  ])("%s → %s", (cell, expected) => {
    expect(parseYesNo(cell)).toBe(expected);
  });
  it("tells a blank cell from one it does not understand", () => {
    expect(parseYesNo("  ")).toBeNull();
    expect(parseYesNo("может быть")).toBeUndefined();
  });
});

describe("parseNumberCell", () => {
  it.each([
    ["3", { min: 3, max: 3, kind: "exact" }],
    ["3,5", { min: 3.5, max: 3.5, kind: "exact" }],
    ["два", { min: 2, max: 2, kind: "exact" }],
    ["Две", { min: 2, max: 2, kind: "exact" }],
    ["5 лет", { min: 5, max: 5, kind: "exact" }],
    ["3-5", { min: 3, max: 5, kind: "range" }],
    ["3 – 5 человек", { min: 3, max: 5, kind: "range" }],
    ["от 3 до 5", { min: 3, max: 5, kind: "range" }],
    ["до 3", { min: 0, max: 3, kind: "up-to" }],
    ["не более трёх", { min: 0, max: 3, kind: "up-to" }],
    ["не более 3", { min: 0, max: 3, kind: "up-to" }],
    ["от 5", { min: 5, max: Number.POSITIVE_INFINITY, kind: "at-least" }],
    ["5+", { min: 5, max: Number.POSITIVE_INFINITY, kind: "at-least" }],
    ["более 10 лет", { min: 10, max: Number.POSITIVE_INFINITY, kind: "at-least" }],
    ["много", undefined],
    ["5-3", undefined],
    ["", null],
  ])("%s", (cell, expected) => {
    expect(parseNumberCell(cell)).toEqual(expected);
  });
});

describe("parseTimestamp", () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
  it.each([
    ["2024-09-01 10:15:30", at(2024, 9, 1, 10, 15, 30)],
    ["2024-09-01T10:15:30Z", at(2024, 9, 1, 10, 15, 30)],
    ["01.09.2024 10:15:30", at(2024, 9, 1, 10, 15, 30)],
    ["01.09.2024 10:15", at(2024, 9, 1, 10, 15)],
    ["1.9.2024", at(2024, 9, 1)],
    ["9/1/2024 10:15:30", at(2024, 9, 1, 10, 15, 30)],
    ["13/1/2024 10:15:30", at(2024, 1, 13, 10, 15, 30)],
    ["2024/09/01 10:15:30 PM GMT+3", at(2024, 9, 1, 19, 15, 30)],
  ])("%s", (cell, expected) => {
    expect(parseTimestamp(cell)).toBe(expected);
  });
  it("rejects what is not a date", () => {
    expect(parseTimestamp("вчера")).toBeUndefined();
    expect(parseTimestamp("31.02.2024")).toBeUndefined();
    expect(parseTimestamp("")).toBeNull();
  });
});

describe("parseMultiSelect", () => {
  const options = ["Математика, физика", "Шахматы", "Музыка", "Ёлки-палки"];
  it("splits Google Forms cells and recognises options that hold a comma", () => {
    expect(parseMultiSelect("Шахматы, Математика, физика", options)).toEqual({
      values: ["Математика, физика", "Шахматы"],
      unknown: [],
    });
  });
  it("reads Yandex Forms and hand-made separators, case- and ё-insensitive", () => {
    expect(parseMultiSelect("музыка; елки-палки\nшахматы", options)).toEqual({
      values: ["Шахматы", "Музыка", "Ёлки-палки"],
      unknown: [],
    });
  });
  it("keeps free answers apart", () => {
    expect(parseMultiSelect("Музыка, Вышивка", options)).toEqual({
      values: ["Музыка"],
      unknown: ["Вышивка"],
    });
  });
  it("without options, every part is a value once", () => {
    expect(parseMultiSelect("a, b, A", undefined).values).toEqual(["a", "b"]);
  });
});
