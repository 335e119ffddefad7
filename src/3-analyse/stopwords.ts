/** Function words that carry no content for matching (English and Russian). */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of in on at to for from by with ' +
    'about as into onto upon over under after before between through during without within against among ' +
    'is are was were be been being am do does did done has have had having will would shall should can could ' +
    "may might must it its it's he him his she her hers they them their theirs we us our ours you your yours i me my " +
    'who whom whose which what when where why how all any both each few more most other some such no not only ' +
    'own same too very just also even still again further once ever up down out off away back one ones ' +
    'said says say told according while because since until unless whether though although however ' +
    'mr mrs ms dr s t re ve ll d m o per via around near via well much many'
  )
    .split(/\s+/)
    .concat(
      'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также'.split(
        ' ',
      ),
    ),
);
