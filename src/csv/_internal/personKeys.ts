/**
 * How a person is recognised by what another file says of them: by id (code), e-mail, full name (in any
 * word order), surname with the first initial, or surname alone. Used to resolve preferences named in a
 * questionnaire, and to find the people of a previous run among today's.
 */
import { normalizeKey } from "./text.js";

/** The normalised full name, its words sorted, and the surname (the first word). */
export function nameKeys(name: string): { full: string; sorted: string; surname: string } {
  const words = normalizeKey(name)
    .split(" ")
    .filter((w) => w !== "");
  return { full: words.join(" "), sorted: [...words].sort().join(" "), surname: words[0] ?? "" };
}

/**
 * The keys a person is found by, strongest first: `id:`, `email:`, `name:`, `sorted:`, `surname:`,
 * `initial:` ("Иванов Иван" also matches "Иванов И." and "Иван Иванов").
 */
export function personKeys(person: {
  id: string;
  email?: string | undefined;
  name?: string | undefined;
}): string[] {
  const keys = [`id:${normalizeKey(person.id)}`];
  if (person.email !== undefined) keys.push(`email:${person.email}`);
  if (person.name !== undefined) {
    const k = nameKeys(person.name);
    keys.push(`name:${k.full}`, `sorted:${k.sorted}`, `surname:${k.surname}`);
    const words = k.full.split(" ");
    if (words.length >= 2) keys.push(`initial:${words[0]} ${words[1]![0]}`);
  }
  return keys.filter((k) => !k.endsWith(":"));
}

/**
 * The keys to look a written entry up by, in order (id, e-mail, full name, name in any order, surname and
 * initial, surname alone); empty strings stand for a look-up that does not apply.
 */
export function entryKeys(entry: string): string[] {
  const key = normalizeKey(entry);
  const words = key.split(" ");
  return [
    `id:${key}`,
    `email:${entry.toLowerCase()}`,
    `name:${key}`,
    `sorted:${[...words].sort().join(" ")}`,
    words.length >= 2 ? `initial:${words[0]} ${words[1]!.replace(/\.$/, "")[0]}` : "",
    words.length === 1 ? `surname:${key}` : "",
  ];
}
