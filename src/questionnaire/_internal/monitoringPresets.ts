/**
 * The default `monitoring` section of each preset, drawn from the roadmaps (docs/monitoring.md): the
 * participants are assessed "on given parameters, for later comparison" at the start, once a quarter and at
 * the end (motivation, competence, results, involvement, mostly on 1–10 scales); mentors and mentees fill
 * in a satisfaction questionnaire at the end; the targets are consents from 100 % of participants,
 * diagnostics passed by 100 %, individual plans realised to at least 90 %, 100 % taking part, and at least
 * 10 % of the teachers covered (teacher–teacher). Every number is a default a school can change.
 */
import type { Form } from "../forms.js";
import type { MonitoringInput } from "../monitoringConfig.js";

type Param = NonNullable<MonitoringInput["parameters"]>[number];

const motivation = (role: "mentor" | "mentee"): Param => ({
  id: role === "mentor" ? "mentorMotivation" : "motivation",
  role,
  label:
    role === "mentor"
      ? { ru: "Мотивация к наставнической деятельности", en: "Motivation to mentor" }
      : { ru: "Мотивация к учёбе и саморазвитию", en: "Motivation to learn and develop" },
});
const mentoringCompetence: Param = {
  id: "mentoringCompetence",
  role: "mentor",
  label: { ru: "Наставнические компетенции", en: "Mentoring competence" },
};
const involvement: Param = {
  id: "involvement",
  label: { ru: "Вовлечённость в жизнь школы", en: "Involvement in school life" },
};
const grades: Param = {
  id: "subjectResults",
  min: 2,
  max: 5,
  label: { ru: "Средний балл по предмету", en: "Mean mark in the subject" },
};
const confidence: Param = {
  id: "confidence",
  label: { ru: "Уверенность в себе", en: "Self-confidence" },
};
const careerReadiness: Param = {
  id: "careerReadiness",
  label: { ru: "Готовность к выбору профессии", en: "Readiness to choose a career" },
};
const professionalCompetence: Param = {
  id: "professionalCompetence",
  label: { ru: "Профессиональные компетенции", en: "Professional competence" },
};

const satisfaction: NonNullable<MonitoringInput["satisfaction"]> = {
  overall: "overall",
  satisfiedAt: 7,
  questions: [
    {
      id: "overall",
      label: {
        ru: "Насколько вы удовлетворены участием в программе",
        en: "How satisfied are you with the program",
      },
    },
    {
      id: "partner",
      label: { ru: "Насколько вам подошёл партнёр по паре", en: "How well your partner suited you" },
    },
    {
      id: "planDone",
      role: "mentor",
      min: 0,
      max: 100,
      label: { ru: "Индивидуальный план выполнен, %", en: "Individual plan realised, %" },
    },
  ],
};

const common: NonNullable<MonitoringInput["kpis"]> = [
  {
    id: "consents",
    metric: "consent",
    target: 1,
    label: { ru: "Согласия на обработку ПД у 100 % участников", en: "Consents from 100 % of participants" },
  },
  {
    id: "diagnostics",
    metric: "diagnostics-complete",
    target: 1,
    label: { ru: "Диагностика пройдена 100 % участников", en: "Diagnostics passed by 100 % of participants" },
  },
  {
    id: "participation",
    metric: "participation",
    target: 1,
    label: { ru: "В программе участвовали 100 % участников", en: "100 % of participants took part" },
  },
  {
    id: "plans",
    metric: "question-mean",
    question: "planDone",
    role: "mentor",
    target: 90,
    label: {
      ru: "Индивидуальные планы реализованы не менее чем на 90 %",
      en: "Individual plans realised to at least 90 %",
    },
  },
  {
    id: "satisfied",
    metric: "satisfied",
    question: "overall",
    target: 0.8,
    label: { ru: "Удовлетворены участием не менее 80 %", en: "At least 80 % satisfied" },
  },
];

function section(parameters: Param[], extra: NonNullable<MonitoringInput["kpis"]> = []): MonitoringInput {
  return { parameters, satisfaction, kpis: [...common, ...extra] };
}

/** The default monitoring section by form. */
export const MONITORING_PRESETS: Readonly<Record<Form, MonitoringInput>> = {
  "student-student": section([
    motivation("mentee"),
    grades,
    involvement,
    confidence,
    motivation("mentor"),
    mentoringCompetence,
  ]),
  "teacher-teacher": section(
    [
      {
        ...professionalCompetence,
        label: {
          ru: "Профессиональные (методические) компетенции",
          en: "Professional (teaching) competence",
        },
      },
      {
        ...motivation("mentee"),
        label: { ru: "Мотивация к профессиональному росту", en: "Motivation for professional growth" },
      },
      confidence,
      {
        id: "difficulties",
        direction: "lower",
        label: { ru: "Трудности в работе", en: "Difficulties at work" },
      },
      motivation("mentor"),
      mentoringCompetence,
    ],
    [
      {
        id: "teacherCoverage",
        metric: "coverage",
        target: 0.1,
        label: {
          ru: "Наставничеством охвачено не менее 10 % педагогов (укажите population — число педагогов)",
          en: "At least 10 % of teachers covered (give population: the number of teachers)",
        },
      },
    ],
  ),
  "college-student": section([
    motivation("mentee"),
    grades,
    involvement,
    { id: "projectProgress", label: { ru: "Продвижение проекта", en: "Project progress" } },
    motivation("mentor"),
    mentoringCompetence,
  ]),
  "employer-student": section([
    motivation("mentee"),
    careerReadiness,
    professionalCompetence,
    motivation("mentor"),
  ]),
  "employer-college-student": section([
    professionalCompetence,
    careerReadiness,
    motivation("mentee"),
    motivation("mentor"),
  ]),
};
