/**
 * The five preset programs (configs as written, before parsing). Every number here is a default a
 * school can override; docs/forms.md explains the choices.
 */
import type { Form } from "../forms.js";
import type { ProgramInput } from "../program.js";
import { MONITORING_PRESETS } from "./monitoringPresets.js";

const SUBJECTS = [
  "математика",
  "русский язык",
  "литература",
  "английский язык",
  "физика",
  "химия",
  "биология",
  "история",
  "обществознание",
  "география",
  "информатика",
];

const INTERESTS = [
  "спорт",
  "музыка",
  "рисование",
  "театр",
  "чтение",
  "шахматы",
  "программирование",
  "робототехника",
  "наука",
  "путешествия",
  "кино",
  "волонтёрство",
  "экология",
  "журналистика",
  "настольные игры",
  "танцы",
  "фотография",
  "кулинария",
  "техника",
  "краеведение",
];

const FORMAT = ["очно", "онлайн", "любой"];
const MODE = ["индивидуально", "в группе", "не важно"];
const DAYS = ["пн", "вт", "ср", "чт", "пт", "сб"];
const SLOTS = DAYS.flatMap((d) => [`${d} день`, `${d} вечер`]);

const STUDENT_HELP = [
  "учёба",
  "подготовка к олимпиадам",
  "адаптация в новом классе",
  "проект или исследование",
  "общение и уверенность",
  "лидерство и самоуправление",
  "выбор профиля",
];

const COLLEGE_HELP = [
  "учёба",
  "подготовка к ОГЭ и ЕГЭ",
  "проект или исследование",
  "профориентация",
  "поступление в колледж или вуз",
  "адаптация",
  "общение и уверенность",
];

const TEACHER_COMPETENCIES = [
  "методика преподавания предмета",
  "классное руководство",
  "работа с родителями",
  "дисциплина на уроке",
  "цифровые инструменты",
  "подготовка к ОГЭ и ЕГЭ",
  "инклюзивное образование",
  "проектная деятельность",
  "олимпиадная подготовка",
  "документация и отчётность",
  "формирующее оценивание",
  "воспитательная работа",
];

const FIELDS = [
  "IT и программирование",
  "инженерия и производство",
  "медицина",
  "образование",
  "наука",
  "экономика и финансы",
  "право",
  "строительство и архитектура",
  "сельское хозяйство",
  "транспорт и логистика",
  "творческие профессии",
  "государственная служба",
  "торговля и услуги",
  "энергетика",
];

const SKILLS = [
  "публичные выступления",
  "командная работа",
  "проектная работа",
  "финансовая грамотность",
  "программирование",
  "инженерное мышление",
  "предпринимательство",
  "деловая переписка",
  "тайм-менеджмент",
  "работа с клиентами",
];

const ACTIVITIES = [
  "экскурсия на предприятие",
  "профессиональные пробы",
  "совместный проект",
  "консультации о профессии",
  "стажировка",
];

const q = {
  interests: {
    id: "interests",
    kind: "multi",
    label: { ru: "Интересы и увлечения", en: "Interests and hobbies" },
    options: INTERESTS,
  },
  format: {
    id: "format",
    kind: "single",
    label: { ru: "Формат встреч", en: "Meeting format" },
    options: FORMAT,
  },
  schedule: {
    id: "schedule",
    kind: "multi",
    label: { ru: "Удобное время встреч", en: "Convenient meeting times" },
    options: SLOTS,
  },
  mode: {
    id: "mode",
    kind: "single",
    label: { ru: "Индивидуально или в группе", en: "One-to-one or in a group" },
    options: MODE,
  },
  subjectsOffered: {
    id: "subjectsOffered",
    kind: "multi",
    role: "mentor",
    label: { ru: "Предметы, по которым могу помочь", en: "Subjects I can help with" },
    options: SUBJECTS,
  },
  subjectsNeeded: {
    id: "subjectsNeeded",
    kind: "multi",
    role: "mentee",
    label: { ru: "Предметы, по которым нужна помощь", en: "Subjects I need help with" },
    options: SUBJECTS,
  },
} as const satisfies Record<string, ProgramInput["questions"][number]>;

const common = {
  format: {
    id: "format",
    kind: "categorical",
    question: "format",
    any: ["любой"],
    weight: 1,
    ifMissing: 0.5,
    label: { ru: "Подходит формат встреч", en: "Meeting format fits" },
  },
  mode: {
    id: "mode",
    kind: "categorical",
    question: "mode",
    any: ["не важно"],
    weight: 0.5,
    ifMissing: 0.5,
    label: { ru: "Индивидуально или в группе", en: "One-to-one or group" },
  },
  schedule: {
    id: "schedule",
    kind: "schedule",
    question: "schedule",
    required: 2,
    weight: 1.5,
    ifMissing: 0.5,
    label: { ru: "Есть общее время для встреч", en: "Common time to meet" },
  },
  interests: {
    id: "interests",
    kind: "overlap",
    question: "interests",
    measure: "jaccard",
    weight: 2,
    label: { ru: "Общие интересы", en: "Shared interests" },
  },
  preference: {
    id: "preference",
    kind: "preference",
    menteeShare: 0.5,
    ifNoList: 0,
    weight: 2,
    label: { ru: "Выбор после встречи (назван в списке)", en: "Named in a list after the meeting" },
  },
} as const satisfies Record<string, ProgramInput["criteria"][number]>;

const studentStudent: ProgramInput = {
  form: "student-student",
  title: { ru: "Ученик – ученик", en: "Student–student" },
  whenAgeUnknown: { mentor: "by-grade", mentee: "by-grade" },
  questions: [
    q.interests,
    q.subjectsOffered,
    q.subjectsNeeded,
    {
      id: "request",
      kind: "multi",
      role: "mentee",
      label: { ru: "С чем нужна помощь", en: "What I need help with" },
      options: STUDENT_HELP,
    },
    {
      id: "canHelpWith",
      kind: "multi",
      role: "mentor",
      label: { ru: "С чем могу помочь", en: "What I can help with" },
      options: STUDENT_HELP,
    },
    q.format,
    q.schedule,
    q.mode,
    {
      id: "sociability",
      kind: "number",
      label: { ru: "Насколько вы общительны (1–5)", en: "How sociable are you (1–5)" },
      min: 1,
      max: 5,
    },
  ],
  criteria: [
    {
      id: "gradeGap",
      kind: "gap",
      field: "grade",
      min: 1,
      must: true,
      label: { ru: "Наставник старше хотя бы на один класс", en: "Mentor at least one grade above" },
    },
    {
      id: "subjects",
      kind: "coverage",
      need: "subjectsNeeded",
      offer: "subjectsOffered",
      weight: 3,
      label: { ru: "Наставник силён в нужных предметах", en: "Mentor strong in the subjects needed" },
    },
    {
      id: "request",
      kind: "coverage",
      need: "request",
      offer: "canHelpWith",
      weight: 2,
      label: { ru: "Наставник может помочь с запросом", en: "Mentor can help with the request" },
    },
    common.interests,
    common.schedule,
    common.format,
    common.mode,
    {
      id: "sociability",
      kind: "ordinal",
      question: "sociability",
      weight: 0.5,
      ifMissing: 0.5,
      label: { ru: "Похожая общительность", en: "Similar sociability" },
    },
    {
      id: "gradeDistance",
      kind: "numeric",
      field: "grade",
      offset: 2,
      scale: 4,
      weight: 0.5,
      label: { ru: "Разница в 2 класса — лучше всего", en: "Two grades apart is best" },
    },
    common.preference,
  ],
};

const teacherTeacher: ProgramInput = {
  form: "teacher-teacher",
  title: { ru: "Учитель – учитель", en: "Teacher–teacher" },
  whenAgeUnknown: { mentor: "adult", mentee: "adult" },
  questions: [
    {
      id: "subject",
      kind: "single",
      label: { ru: "Преподаваемый предмет", en: "Subject taught" },
      options: [...SUBJECTS, "начальные классы", "физическая культура", "музыка и ИЗО", "технология"],
    },
    {
      id: "competenciesOffered",
      kind: "multi",
      role: "mentor",
      label: { ru: "В чём могу поддержать коллегу", en: "Where I can support a colleague" },
      options: TEACHER_COMPETENCIES,
    },
    {
      id: "competenciesNeeded",
      kind: "multi",
      role: "mentee",
      label: { ru: "В чём нужна поддержка", en: "Where I need support" },
      options: TEACHER_COMPETENCIES,
    },
    q.interests,
    q.format,
    q.schedule,
    q.mode,
  ],
  criteria: [
    {
      id: "competencies",
      kind: "coverage",
      need: "competenciesNeeded",
      offer: "competenciesOffered",
      weight: 3,
      label: { ru: "Наставник поддержит там, где нужно", en: "Mentor supports where support is needed" },
    },
    {
      id: "subject",
      kind: "categorical",
      question: "subject",
      mismatch: 0.2,
      weight: 2,
      ifMissing: 0.5,
      label: { ru: "Один предмет", en: "Same subject" },
    },
    { ...common.interests, weight: 1 },
    common.schedule,
    common.format,
    common.mode,
    common.preference,
  ],
  eligibility: [
    {
      id: "mentorExperience",
      role: "mentor",
      field: "experienceYears",
      min: 5,
      label: { ru: "Стаж наставника не меньше 5 лет", en: "Mentor's experience at least 5 years" },
    },
    {
      id: "menteeExperience",
      role: "mentee",
      field: "experienceYears",
      max: 3,
      label: {
        ru: "Стаж молодого специалиста не больше 3 лет",
        en: "Young specialist's experience at most 3 years",
      },
    },
  ],
};

const collegeStudent: ProgramInput = {
  form: "college-student",
  title: { ru: "Студент – ученик", en: "College student–school student" },
  // The mentor's grade is a year of study, not a school grade.
  whenAgeUnknown: { mentor: "adult", mentee: "by-grade" },
  questions: [
    q.interests,
    q.subjectsOffered,
    q.subjectsNeeded,
    {
      id: "request",
      kind: "multi",
      role: "mentee",
      label: { ru: "С чем нужна помощь", en: "What I need help with" },
      options: COLLEGE_HELP,
    },
    {
      id: "canHelpWith",
      kind: "multi",
      role: "mentor",
      label: { ru: "С чем могу помочь", en: "What I can help with" },
      options: COLLEGE_HELP,
    },
    q.format,
    q.schedule,
    q.mode,
  ],
  criteria: [
    {
      id: "ageGap",
      kind: "gap",
      field: "age",
      min: 2,
      must: true,
      ifMissing: 1,
      label: { ru: "Наставник старше хотя бы на 2 года", en: "Mentor at least 2 years older" },
    },
    {
      id: "request",
      kind: "coverage",
      need: "request",
      offer: "canHelpWith",
      weight: 3,
      label: { ru: "Наставник может помочь с запросом", en: "Mentor can help with the request" },
    },
    {
      id: "subjects",
      kind: "coverage",
      need: "subjectsNeeded",
      offer: "subjectsOffered",
      weight: 2.5,
      ifMissing: 0.5,
      label: { ru: "Наставник силён в нужных предметах", en: "Mentor strong in the subjects needed" },
    },
    common.interests,
    common.schedule,
    common.format,
    common.mode,
    common.preference,
  ],
};

const employerQuestions = [
  {
    id: "field",
    kind: "multi",
    label: { ru: "Сфера деятельности (интересная сфера)", en: "Field of work (field of interest)" },
    options: FIELDS,
  },
  {
    id: "skillsOffered",
    kind: "multi",
    role: "mentor",
    label: { ru: "Навыки, которыми могу поделиться", en: "Skills I can share" },
    options: SKILLS,
  },
  {
    id: "skillsWanted",
    kind: "multi",
    role: "mentee",
    label: { ru: "Навыки, которые хочу развить", en: "Skills I want to develop" },
    options: SKILLS,
  },
  {
    id: "activities",
    kind: "multi",
    label: { ru: "Формы работы", en: "Kinds of activity" },
    options: ACTIVITIES,
  },
  q.format,
  q.schedule,
  q.mode,
] as const satisfies ProgramInput["questions"];

const employerCriteria = [
  {
    id: "field",
    kind: "coverage",
    need: "field",
    offer: "field",
    weight: 3,
    label: { ru: "Наставник работает в интересной сфере", en: "Mentor works in a field of interest" },
  },
  {
    id: "skills",
    kind: "coverage",
    need: "skillsWanted",
    offer: "skillsOffered",
    weight: 2,
    label: { ru: "Наставник передаст нужные навыки", en: "Mentor shares the skills wanted" },
  },
  {
    id: "activities",
    kind: "overlap",
    question: "activities",
    measure: "min",
    weight: 1.5,
    ifMissing: 0.5,
    label: { ru: "Подходят формы работы", en: "Kinds of activity fit" },
  },
  { ...common.schedule, weight: 1, required: 1 },
  common.format,
  common.mode,
  common.preference,
] as const satisfies ProgramInput["criteria"];

const employerStudent: ProgramInput = {
  form: "employer-student",
  title: { ru: "Работодатель – ученик", en: "Employer–student" },
  whenAgeUnknown: { mentor: "adult", mentee: "by-grade" },
  questions: [...employerQuestions],
  criteria: [...employerCriteria],
  eligibility: [
    {
      id: "mentorExperience",
      role: "mentor",
      field: "experienceYears",
      min: 5,
      ifMissing: "include",
      label: { ru: "Стаж наставника не меньше 5 лет", en: "Mentor's experience at least 5 years" },
    },
    {
      id: "menteeGrade",
      role: "mentee",
      field: "grade",
      min: 7,
      ifMissing: "include",
      label: { ru: "Ученики 7–11 классов", en: "Students of grades 7–11" },
    },
  ],
};

const employerCollegeStudent: ProgramInput = {
  form: "employer-college-student",
  title: { ru: "Работодатель – студент", en: "Employer–college student" },
  whenAgeUnknown: { mentor: "adult", mentee: "adult" },
  questions: [
    ...employerQuestions,
    {
      id: "internship",
      kind: "boolean",
      label: { ru: "Стажировка (ищу / могу предложить)", en: "Internship (looking for / can offer)" },
    },
  ],
  criteria: [
    ...employerCriteria,
    {
      id: "internship",
      kind: "formula",
      // A student who wants no internship is served by anyone; one who wants it, by a mentor who offers
      // one; an answer not given on the side that decides is `missing` (→ ifMissing).
      expression:
        "not answered(mentee.internship) ? missing : (mentee.internship ? (answered(mentor.internship) ? (mentor.internship ? 1 : 0) : missing) : 1)",
      weight: 1.5,
      ifMissing: 0.5,
      label: { ru: "Стажировка, если студент её ищет", en: "An internship when the student wants one" },
    },
  ],
  eligibility: [
    {
      id: "mentorExperience",
      role: "mentor",
      field: "experienceYears",
      min: 5,
      ifMissing: "include",
      label: { ru: "Стаж наставника не меньше 5 лет", en: "Mentor's experience at least 5 years" },
    },
  ],
};

/** The preset configs by form. */
export const PRESET_INPUTS: Readonly<Record<Form, ProgramInput>> = {
  "student-student": { ...studentStudent, monitoring: MONITORING_PRESETS["student-student"] },
  "teacher-teacher": { ...teacherTeacher, monitoring: MONITORING_PRESETS["teacher-teacher"] },
  "college-student": { ...collegeStudent, monitoring: MONITORING_PRESETS["college-student"] },
  "employer-student": { ...employerStudent, monitoring: MONITORING_PRESETS["employer-student"] },
  "employer-college-student": {
    ...employerCollegeStudent,
    monitoring: MONITORING_PRESETS["employer-college-student"],
  },
};

/**
 * English (and other usual) spellings of the presets' answer options, so that an English export's answers
 * ("In person", "Maths", "One-to-one") are read as the Russian options the presets score. Day-and-time
 * slots («пн день») need no entry: the reader knows day and time words in both languages.
 */
export const OPTION_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  // Subjects
  математика: ["Maths", "Math", "Mathematics", "алгебра и геометрия"],
  "русский язык": ["Russian", "Russian language", "русский"],
  литература: ["Literature"],
  "английский язык": ["English", "English language", "английский"],
  физика: ["Physics"],
  химия: ["Chemistry"],
  биология: ["Biology"],
  история: ["History"],
  обществознание: ["Social studies", "Social science"],
  география: ["Geography"],
  информатика: ["Computer science", "Informatics", "ICT"],
  "начальные классы": ["Primary school", "Primary"],
  "физическая культура": ["Physical education", "PE", "физкультура"],
  "музыка и ИЗО": ["Music and art"],
  технология: ["Technology", "Design and technology"],
  // Interests
  спорт: ["Sport", "Sports"],
  музыка: ["Music"],
  рисование: ["Drawing", "Art"],
  театр: ["Theatre", "Theater", "Drama"],
  чтение: ["Reading", "Books"],
  шахматы: ["Chess"],
  программирование: ["Programming", "Coding"],
  робототехника: ["Robotics"],
  наука: ["Science"],
  путешествия: ["Travel", "Travelling"],
  кино: ["Cinema", "Films", "Movies"],
  волонтёрство: ["Volunteering"],
  экология: ["Ecology", "Environment"],
  журналистика: ["Journalism"],
  "настольные игры": ["Board games"],
  танцы: ["Dance", "Dancing"],
  фотография: ["Photography"],
  кулинария: ["Cooking"],
  техника: ["Engineering", "Machines"],
  краеведение: ["Local history"],
  // Meeting format and mode
  очно: ["In person", "Face to face", "Face-to-face", "Offline", "в школе", "лично"],
  онлайн: ["Online", "Remote", "Remotely", "дистанционно", "по видеосвязи", "Video call"],
  любой: ["Any", "Either", "Both", "Mixed", "Hybrid", "смешанный"],
  индивидуально: ["One-to-one", "One to one", "1:1", "Individually", "Individual", "один на один"],
  "в группе": ["In a group", "Group", "In groups", "групповой"],
  "не важно": ["No preference", "Doesn't matter", "Any"],
  // Help a student asks for or offers
  учёба: ["Studies", "Schoolwork", "Learning"],
  "подготовка к олимпиадам": ["Olympiad preparation", "Competitions"],
  "адаптация в новом классе": ["Settling into a new class"],
  "проект или исследование": ["A project or research", "Project", "Research"],
  "общение и уверенность": ["Communication and confidence", "Confidence"],
  "лидерство и самоуправление": ["Leadership", "Leadership and student council"],
  "выбор профиля": ["Choosing a track", "Choosing subjects"],
  "подготовка к ОГЭ и ЕГЭ": ["Exam preparation", "Exams", "подготовка к экзаменам"],
  профориентация: ["Career guidance", "Careers"],
  "поступление в колледж или вуз": ["Applying to college or university", "University applications"],
  адаптация: ["Settling in", "Adaptation"],
  // Teachers' competencies
  "методика преподавания предмета": ["Subject teaching methods", "Pedagogy"],
  "классное руководство": ["Form tutoring", "Homeroom"],
  "работа с родителями": ["Working with parents", "Parents"],
  "дисциплина на уроке": ["Classroom management", "Behaviour management"],
  "цифровые инструменты": ["Digital tools", "EdTech"],
  "инклюзивное образование": ["Inclusive education", "SEN"],
  "проектная деятельность": ["Project-based learning"],
  "олимпиадная подготовка": ["Olympiad coaching"],
  "документация и отчётность": ["Paperwork and reporting", "Documentation"],
  "формирующее оценивание": ["Formative assessment"],
  "воспитательная работа": ["Pastoral care"],
  // Fields of work
  "IT и программирование": ["IT", "IT and software", "Software"],
  "инженерия и производство": ["Engineering and manufacturing"],
  медицина: ["Medicine", "Healthcare"],
  образование: ["Education"],
  "экономика и финансы": ["Economics and finance", "Finance"],
  право: ["Law", "Legal"],
  "строительство и архитектура": ["Construction and architecture"],
  "сельское хозяйство": ["Agriculture", "Farming"],
  "транспорт и логистика": ["Transport and logistics", "Logistics"],
  "творческие профессии": ["Creative industries", "Arts"],
  "государственная служба": ["Civil service", "Public service", "Government"],
  "торговля и услуги": ["Retail and services"],
  энергетика: ["Energy"],
  // Skills and activities
  "публичные выступления": ["Public speaking"],
  "командная работа": ["Teamwork"],
  "проектная работа": ["Project work", "Project management"],
  "финансовая грамотность": ["Financial literacy"],
  "инженерное мышление": ["Engineering thinking"],
  предпринимательство: ["Entrepreneurship"],
  "деловая переписка": ["Business writing"],
  "тайм-менеджмент": ["Time management"],
  "работа с клиентами": ["Customer service", "Working with clients"],
  "экскурсия на предприятие": ["Workplace visit", "Company visit"],
  "профессиональные пробы": ["Job tasters", "Work tasters"],
  "совместный проект": ["Joint project"],
  "консультации о профессии": ["Career conversations"],
  стажировка: ["Internship", "Work placement", "Work experience"],
};
