# rapports egna ord på svenska.

site-title = Undersökningsrapporter
surveys = Undersökningar
language = Språk
responses = { $n ->
    [one] { $shown } svar
   *[other] { $shown } svar
}
answers = { $n ->
    [one] { $shown } svar
   *[other] { $shown } svar
}
skipped = { $n ->
    [one] { $shown } hoppade över
   *[other] { $shown } hoppade över
}
period-range = { $from } till { $to }
overall-score = Totalpoäng
score = Poäng
target = Mål
focus = Fokusera på { $level }: nivån får { $score } mot målet { $target } och är den lägsta nivån som inte når sitt mål.
no-focus = Alla nivåer når sina mål.
now-overall = Under { $period }: totalpoäng { $score } ({ $responses })
change-up = upp { $points } sedan { $period }
change-down = ned { $points } sedan { $period }
change-none = oförändrat sedan { $period }
change-real = en signifikant förändring
change-noise = kan vara slumpen
change-untested = kan inte prövas
uncertain = osäkert: få svar
interval = 95 %-intervall { $low }–{ $high }
holds-down = Det här håller nivån nere
interval-heading = 95 %-intervall
audience-note = Poängen räknar bara gruppen ”{ $audience }”: { $shown } av { $total } svar.
audience-note-withheld = Poängen räknar bara gruppen ”{ $audience }”: { $shown } svar. Färre än { $min } andra svarade; de är utelämnade så att ingen kan urskiljas.
gap-heading = Så ser grupperna på nivåerna
gap-higher = ”{ $group }” ger { $level } { $points } poäng mer än ”{ $audience }”
gap-lower = ”{ $group }” ger { $level } { $points } poäng mindre än ”{ $audience }”
gap-same = ”{ $group }” ger { $level } samma poäng som ”{ $audience }”
gap-real = en signifikant skillnad
no-group = ej angivet
no-answers = Inga svar ännu.
pyramid = Förväntningarnas nivåer
pyramid-note = Grunden ligger längst ned: en nivå ger resultat först när nivåerna under den håller.
score-of-target = { $score } (mål { $target })
meets-target = når sitt mål
misses-target = under sitt mål
no-data = inga data
hidden = dold för att skydda grupper med färre än { $n }
what-to-do = Så förbättrar ni { $level }
questions = Frågor
trend = Utveckling per { $period }
period-month = månad
period-quarter = kvartal
period-year = år
period-week = vecka
quarter-name = { $quarter }:{ $q ->
    [1] a
    [2] a
   *[other] e
} kvartalet { $year }
week-name = vecka { $week }, { $year }
by-segment = Per { $segment }
perception-gap = { $high } ger { $points } poäng mer än { $low }.
reverse-scored = omvänd skala: ett lågt svar ger höga poäng
chart-better = bättre
chart-worse = sämre
nps = Net Promoter Score
detractors = Kritiker (0–6)
passives = Passiva (7–8)
promoters = Ambassadörer (9–10)
top2 = De två högsta
yes = Ja
no = Nej
show-numbers = Visa siffrorna
answer = Svar
count = Antal
share = Andel
comments = Vad de svarande skrev
not-scored = ger inga poäng
data-files = Data: { $json } och { $csv }
data-up-to = Data till och med { $date }
made-with = Skapad med rapport { $version }
comments-total = { $n ->
    [one] { $shown } svar totalt.
   *[other] { $shown } svar totalt.
}
comments-distinct = { $n ->
    [one] { $shown } unikt svar visas.
   *[other] { $shown } unika svar visas, det senaste först.
}
comments-since = Antalen gäller svaren från och med { $date }.
comments-times = (×{ $shown })

# With `publish: closed-periods`: the responses of the period still open.
open-period = { $n ->
    [one] { $shown } svar från { $period } räknas när perioden är slut.
   *[other] { $shown } svar från { $period } räknas när perioden är slut.
}
