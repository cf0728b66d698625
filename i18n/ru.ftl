# Собственные слова rapport на русском.

site-title = Отчёты по опросам
surveys = Опросы
language = Язык
responses = { $n ->
    [one] { $shown } ответ
    [few] { $shown } ответа
   *[many] { $shown } ответов
    [other] { $shown } ответа
}
answers = { $n ->
    [one] { $shown } ответ
    [few] { $shown } ответа
   *[many] { $shown } ответов
    [other] { $shown } ответа
}
skipped = { $n ->
    [one] { $shown } пропуск
    [few] { $shown } пропуска
   *[many] { $shown } пропусков
    [other] { $shown } пропуска
}
period-range = { $from } — { $to }
overall-score = Общая оценка
score = Оценка
target = Цель
focus = Сосредоточьтесь на уровне «{ $level }»: { $score } при цели { $target }; это самый нижний уровень, не достигший цели.
no-focus = Все уровни достигают своих целей.
now-overall = За период «{ $period }»: общий балл { $score } ({ $responses })
change-up = рост на { $points } относительно периода «{ $period }»
change-down = снижение на { $points } относительно периода «{ $period }»
change-none = без изменений относительно периода «{ $period }»
change-real = изменение статистически значимо
change-noise = может быть случайностью
change-untested = проверить нельзя
uncertain = ненадёжно: мало ответов
interval = 95-процентный интервал { $low }–{ $high }
holds-down = Что тянет уровень вниз
interval-heading = 95-процентный интервал
audience-note = Баллы учитывают только группу «{ $audience }»: { $shown } из { $total } ответов.
audience-note-withheld = Баллы учитывают только группу «{ $audience }»: { $n ->
    [one] { $shown } ответ
    [few] { $shown } ответа
   *[many] { $shown } ответов
}. Остальных ответивших меньше { $min }; они не учитываются, чтобы никого нельзя было узнать.
gap-heading = Как группы оценивают уровни
gap-higher = Группа «{ $group }» оценивает уровень «{ $level }» на { $points } балла выше, чем группа «{ $audience }»
gap-lower = Группа «{ $group }» оценивает уровень «{ $level }» на { $points } балла ниже, чем группа «{ $audience }»
gap-same = Группа «{ $group }» оценивает уровень «{ $level }» так же, как группа «{ $audience }»
gap-real = разница статистически значима
no-group = не указано
no-answers = Ответов пока нет.
pyramid = Уровни ожиданий
pyramid-note = Основание внизу: уровень приносит пользу, только когда держатся уровни под ним.
score-of-target = { $score } (цель { $target })
meets-target = цель достигнута
misses-target = ниже цели
no-data = нет данных
hidden = скрыто для защиты групп меньше { $n } человек
what-to-do = Что сделать на уровне «{ $level }»
questions = Вопросы
trend = Динамика: { $period }
period-month = по месяцам
period-quarter = по кварталам
period-year = по годам
period-week = по неделям
quarter-name = { $quarter }‑й квартал { $year } г.
week-name = { $week }‑я неделя { $year } г.
by-segment = { $segment }
perception-gap = «{ $high }» оценивает на { $points } балла выше, чем «{ $low }».
reverse-scored = обратная шкала: низкий ответ даёт высокую оценку
chart-better = лучше
chart-worse = хуже
nps = Индекс NPS
detractors = Критики (0–6)
passives = Нейтралы (7–8)
promoters = Сторонники (9–10)
top2 = Два верхних
yes = Да
no = Нет
show-numbers = Показать цифры
answer = Ответ
count = Число
share = Доля
comments = Что написали респонденты
not-scored = без оценки
data-files = Данные: { $json } и { $csv }
data-up-to = Данные по состоянию на { $date }
made-with = Создано с помощью rapport { $version }
comments-total = { $n ->
    [one] Всего { $shown } ответ.
    [few] Всего { $shown } ответа.
   *[many] Всего { $shown } ответов.
    [other] Всего { $shown } ответа.
}
comments-distinct = { $n ->
    [one] Показан { $shown } уникальный ответ, сначала новые.
    [few] Показано { $shown } уникальных ответа, сначала новые.
   *[many] Показано { $shown } уникальных ответов, сначала новые.
    [other] Показано { $shown } уникального ответа, сначала новые.
}
comments-since = Повторы подсчитаны по ответам начиная с { $date }.
comments-times = (×{ $shown })

# With `publish: closed-periods`: the responses of the period still open.
open-period = { $n ->
    [one] { $shown } ответ за { $period } будет учтён, когда период закончится.
    [few] { $shown } ответа за { $period } будут учтены, когда период закончится.
    [many] { $shown } ответов за { $period } будут учтены, когда период закончится.
   *[other] { $shown } ответа за { $period } будут учтены, когда период закончится.
}
