# rapport's own words in English. Each file in this folder holds the same
# messages in one language; `{ $name }` is filled in by rapport. Numbers are
# formatted before they get here; `$n` is the count that picks the plural form.

site-title = Survey reports
surveys = Surveys
language = Language
responses = { $n ->
    [one] { $shown } response
   *[other] { $shown } responses
}
answers = { $n ->
    [one] { $shown } answer
   *[other] { $shown } answers
}
skipped = { $n ->
    [one] { $shown } skipped
   *[other] { $shown } skipped
}
period-range = { $from } to { $to }
overall-score = Overall score
score = Score
target = Target
focus = Focus on { $level }: it scores { $score } against a target of { $target }, the lowest level that falls short.
no-focus = Every level meets its target.
now-overall = In { $period }: overall score { $score } ({ $responses })
change-up = up { $points } since { $period }
change-down = down { $points } since { $period }
change-none = unchanged since { $period }
change-real = a significant change
change-noise = could be chance
change-untested = cannot be tested
uncertain = uncertain: few answers
interval = 95 % interval { $low }–{ $high }
holds-down = What holds it down
interval-heading = 95 % interval
audience-note = Scores count only the group “{ $audience }”: { $shown } of { $total } responses.
audience-note-withheld = Scores count only the group “{ $audience }”: { $n ->
    [one] { $shown } response
   *[other] { $shown } responses
}. Fewer than { $min } others answered; they are left out, so that no one can be told apart.
gap-heading = How each group sees the levels
gap-higher = “{ $group }” rates { $level } { $points } points higher than “{ $audience }”
gap-lower = “{ $group }” rates { $level } { $points } points lower than “{ $audience }”
gap-same = “{ $group }” rates { $level } as “{ $audience }” does
gap-real = a significant gap
no-group = not given
no-answers = No answers yet.
pyramid = Levels of expectations
pyramid-note = The foundation is at the bottom: a level pays off only when the levels below it hold.
score-of-target = { $score } (target { $target })
meets-target = meets its target
misses-target = below its target
no-data = no data
hidden = hidden to protect groups of fewer than { $n }
what-to-do = What to do about { $level }
questions = Questions
trend = Trend by { $period }
period-month = month
period-quarter = quarter
period-year = year
period-week = week
# A quarter and an ISO week in words. `$q` (1-4) picks the ordinal's
# ending; `$quarter`, `$week` and `$year` are the numbers as the language
# writes them (a year without grouping). Months and years alone come from CLDR.
quarter-name = { $quarter }{ $q ->
    [1] st
    [2] nd
    [3] rd
   *[other] th
} quarter { $year }
week-name = week { $week } of { $year }
by-segment = By { $segment }
perception-gap = { $high } scores { $points } points higher than { $low }.
reverse-scored = reverse-scored: a low answer scores high
# The ends of an answer chart: which way the answers get better.
chart-better = better
chart-worse = worse
nps = Net Promoter Score
detractors = Detractors (0–6)
passives = Passives (7–8)
promoters = Promoters (9–10)
top2 = Top two
yes = Yes
no = No
show-numbers = Show the numbers
answer = Answer
count = Count
share = Share
comments = What respondents wrote
not-scored = not scored
data-files = Data: { $json } and { $csv }
data-up-to = Data up to { $date }
made-with = Made with rapport { $version }
comments-total = { $n ->
    [one] { $shown } answer in all.
   *[other] { $shown } answers in all.
}
comments-distinct = { $n ->
    [one] { $shown } distinct answer shown.
   *[other] { $shown } distinct answers shown, the latest first.
}
comments-since = Counts cover the answers from { $date } on.
comments-times = (×{ $shown })

# With `publish: closed-periods`: the responses of the period still open.
open-period = { $n ->
    [one] { $shown } response in { $period } counts once the period is over.
   *[other] { $shown } responses in { $period } count once the period is over.
}
