/** Help texts of `mentor-match rematch`, apart from the command, so that --help loads no more than texts. */

/** Help texts of the `rematch` command and its options. */
export const REMATCH_HELP = {
  ru: {
    command:
      "повторный подбор в течение года: сохранить действующие пары, подобрать остальных; записать changes.csv и отчёт для изменения приказа",
    previous: "результаты прошлого подбора: папка или её pairs.json",
    ended: "CSV расформированных пар: код наставника, код наставляемого, причина",
    keep: "CSV пар, которые остаются при уменьшении числа мест: код наставника, код наставляемого",
    allowMoves: "сколько действующих пар можно перевести, если это заметно улучшает подбор",
    moveMargin: "на сколько баллов должен улучшиться подбор на каждый перевод",
    strategy: "способ подбора остальных",
  },
  en: {
    command:
      "re-match during the year: keep the pairs in force, place the rest; write changes.csv and the report for the amendment to the order",
    previous: "the previous run's results: its folder or its pairs.json",
    ended: "CSV of the pairs to dissolve: mentor code, mentee code, reason",
    keep: "CSV of the pairs that stay when a capacity is lowered: mentor code, mentee code",
    allowMoves: "how many pairs in force may be moved when that improves the matching enough",
    moveMargin: "how much a move must improve the matching, in score points per move",
    strategy: "how the rest are placed",
  },
} as const;
