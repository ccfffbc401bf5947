// Writes fixtures/monitoring/: a student–student program's year of monitoring — the pairs in force
// (results/pairs.json, from `mentor-match match` on fixtures/demo), four diagnostics (start, q1, q2,
// final) and the final satisfaction questionnaire, generated from a fixed seed with the quirks of real
// exports. Run: npx tsx scripts/write-monitoring-fixture.ts (the files are committed; tests pin them).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatCsv } from "../src/csv/formatCsv.js";

const dir = join(import.meta.dirname, "../fixtures/monitoring");
const pairs = JSON.parse(readFileSync(join(dir, "results/pairs.json"), "utf8")) as {
  groups: { mentor: { id: string; name?: string }; mentees: { id: string; name?: string }[] }[];
  unmatched: { id: string; name?: string }[];
};

let state = 20261205;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

// The e-mails the questionnaires gave (fixtures/demo), by code.
const emails = new Map<string, string>();
for (const f of ["mentors.csv", "mentees.csv"]) {
  for (const line of readFileSync(join(dir, "../demo", f), "utf8")
    .split("\n")
    .slice(1)) {
    const m = /^[^,]*,([MS]\d+),[^,]*,([^,@\s]+@[^,\s]+)/.exec(line);
    if (m) emails.set(m[1]!, m[2]!);
  }
}

interface P {
  id: string;
  name: string;
  role: "mentor" | "mentee";
  tags: string;
  model: string;
}
const people: P[] = [];
const MODELS = ["успевающий – неуспевающий", "лидер – пассивный", "равный – равному"];
for (const g of pairs.groups) {
  people.push({ id: g.mentor.id, name: g.mentor.name ?? "", role: "mentor", tags: "", model: "" });
  for (const m of g.mentees)
    people.push({
      id: m.id,
      name: m.name ?? "",
      role: "mentee",
      tags: ["S04", "S13", "S22"].includes(m.id) ? "ОВЗ" : ["S05", "S30"].includes(m.id) ? "Одарённые" : "",
      model: MODELS[Number(m.id.slice(1)) % 3]!,
    });
}
for (const m of pairs.unmatched)
  people.push({
    id: m.id,
    name: m.name ?? "",
    role: "mentee",
    tags: "",
    model: MODELS[Number(m.id.slice(1)) % 3]!,
  });

const MENTEE = [
  "Мотивация к учёбе и саморазвитию",
  "Средний балл по предмету",
  "Вовлечённость в жизнь школы",
  "Уверенность в себе",
];
const MENTOR = ["Мотивация к наставнической деятельности", "Наставнические компетенции"];
const POINTS = ["start", "q1", "q2", "final"];
// Each person's level and yearly trend; S08 declines (a pair at risk), S20 is only at the start.
const base = new Map(
  people.map((p) => [p.id, { level: int(3, 7), trend: p.id === "S08" ? -0.8 : rand() * 1.2 - 0.1 }]),
);

const header = [
  "Отметка времени",
  "Код участника",
  "ФИО",
  "Адрес электронной почты",
  "Роль",
  "Категория",
  "Ролевая модель",
  "Согласие на обработку персональных данных",
  ...MENTEE,
  ...MENTOR,
];
POINTS.forEach((point, t) => {
  const rows: (string | number)[][] = [];
  people.forEach((p, k) => {
    if (p.id === "S20" && t > 0) return; // one time point only
    if (p.id === "S14" && t === 1) return; // missed the first quarter
    if (p.id === "M05" && t === 2) return;
    const b = base.get(p.id)!;
    const v = (extra = 0) => clamp(Math.round(b.level + b.trend * t + extra + (rand() - 0.5)), 1, 10);
    const mark = clamp(Math.round((3 + (b.level - 3) / 4 + (b.trend * t) / 3) * 10) / 10, 2, 5);
    const stamp = `${String(1 + (k % 27)).padStart(2, "0")}.${["09", "12", "03", "05"][t]}.${t < 2 ? 2025 : 2026} 1${k % 10}:00:00`;
    // Quirks: in q1 some rows give the e-mail only, in q2 one row the name only; «8 из 10»; «4,5».
    const code = (t === 1 && k % 7 === 3) || (t === 2 && p.id === "S03") ? "" : p.id;
    const email = t === 2 && p.id === "S03" ? "" : (emails.get(p.id) ?? "");
    const consent = p.id === "S27" && t === 3 ? "Нет, отзываю согласие" : "Да";
    const values =
      p.role === "mentee"
        ? [v(), String(mark).replace(".", ","), v(1), v(-1), "", ""]
        : ["", "", "", "", v(), t === 2 && k % 2 === 0 ? `${v(1)} из 10` : v(1)];
    rows.push([
      stamp,
      code,
      p.name,
      email,
      p.role === "mentor" ? "наставник" : "наставляемый",
      p.tags,
      p.model,
      consent,
      ...values,
    ]);
  });
  if (t === 3) {
    rows.push(["20.05.2026 10:00:00", "X99", "", "", "наставляемый", "", "", "Да", 5, "4", 5, 5, "", ""]); // not in the program
    rows.push(["20.05.2026 10:05:00", "S10", "", "", "наставляемый", "", "", "Да", 6, "4", 6, 6, "", ""]); // excluded at matching
  }
  writeFileSync(join(dir, `${point}.csv`), formatCsv(header, rows, { delimiter: ";" }));
});

const satHeader = [
  "Код участника",
  "Насколько вы удовлетворены участием в программе",
  "Насколько вам подошёл партнёр по паре",
  "Индивидуальный план выполнен, %",
];
const satRows = people
  .filter((p) => p.id !== "S20" && p.id !== "S27")
  .map((p) => {
    const low = p.id === "S25" || p.id === "M08"; // the pair M08–S25 is unhappy
    return [
      p.id,
      low ? int(2, 4) : int(6, 10),
      low ? int(2, 4) : int(5, 10),
      p.role === "mentor" ? int(80, 100) : "",
    ];
  });
writeFileSync(join(dir, "satisfaction.csv"), formatCsv(satHeader, satRows));
console.error(`wrote ${POINTS.length} diagnostics and satisfaction.csv for ${people.length} participants`);
