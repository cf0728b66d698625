# rapports egne ord på norsk bokmål.

site-title = Undersøkelsesrapporter
surveys = Undersøkelser
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
    [one] { $shown } hoppet over
   *[other] { $shown } hoppet over
}
period-range = { $from } til { $to }
overall-score = Samlet poengsum
score = Poeng
target = Mål
focus = Se på { $level } først: nivået får { $score } mot et mål på { $target } og er det laveste nivået som ikke når målet.
no-focus = Alle nivåene når målene sine.
now-overall = I { $period }: totalscore { $score } ({ $responses })
change-up = opp { $points } siden { $period }
change-down = ned { $points } siden { $period }
change-none = uendret siden { $period }
change-real = en signifikant endring
change-noise = kan være tilfeldig
change-untested = kan ikke testes
uncertain = usikkert: få svar
interval = 95 %-intervall { $low }–{ $high }
holds-down = Dette holder nivået nede
interval-heading = 95 %-intervall
audience-note = Poengene teller bare gruppen «{ $audience }»: { $shown } av { $total } svar.
audience-note-withheld = Poengene teller bare gruppen «{ $audience }»: { $shown } svar. Færre enn { $min } andre svarte; de er utelatt, slik at ingen kan skilles ut.
gap-heading = Slik ser gruppene nivåene
gap-higher = «{ $group }» gir { $level } { $points } poeng mer enn «{ $audience }»
gap-lower = «{ $group }» gir { $level } { $points } poeng mindre enn «{ $audience }»
gap-same = «{ $group }» gir { $level } like mange poeng som «{ $audience }»
gap-real = en signifikant forskjell
no-group = ikke oppgitt
no-answers = Ingen svar ennå.
pyramid = Forventningsnivåer
pyramid-note = Grunnmuren er nederst: et nivå lønner seg først når nivåene under det holder.
score-of-target = { $score } (mål { $target })
meets-target = når målet
misses-target = under målet
no-data = ingen data
hidden = skjult for å beskytte grupper på færre enn { $n }
what-to-do = Slik forbedrer dere { $level }
questions = Spørsmål
trend = Utvikling per { $period }
period-month = måned
period-quarter = kvartal
period-year = år
period-week = uke
quarter-name = { $quarter }. kvartal { $year }
week-name = uke { $week }, { $year }
by-segment = Etter { $segment }
perception-gap = { $high } gir { $points } poeng mer enn { $low }.
reverse-scored = omvendt skala: et lavt svar gir høy poengsum
chart-better = bedre
chart-worse = dårligere
nps = Net Promoter Score
detractors = Kritikere (0–6)
passives = Passive (7–8)
promoters = Ambassadører (9–10)
top2 = De to høyeste
yes = Ja
no = Nei
show-numbers = Vis tallene
answer = Svar
count = Antall
share = Andel
comments = Hva de svarte skrev
not-scored = gir ingen poeng
data-files = Data: { $json } og { $csv }
data-up-to = Data til og med { $date }
made-with = Laget med rapport { $version }
comments-total = { $n ->
    [one] { $shown } svar totalt.
   *[other] { $shown } svar totalt.
}
comments-distinct = { $n ->
    [one] { $shown } unikt svar vises.
   *[other] { $shown } unike svar vises, det nyeste først.
}
comments-since = Antallene gjelder svarene fra og med { $date }.
comments-times = (×{ $shown })

# With `publish: closed-periods`: the responses of the period still open.
open-period = { $n ->
    [one] { $shown } svar fra { $period } telles når perioden er over.
   *[other] { $shown } svar fra { $period } telles når perioden er over.
}
