# De eigen woorden van rapport in het Nederlands.

site-title = Onderzoeksrapporten
surveys = Onderzoeken
language = Taal
responses = { $n ->
    [one] { $shown } reactie
   *[other] { $shown } reacties
}
answers = { $n ->
    [one] { $shown } antwoord
   *[other] { $shown } antwoorden
}
skipped = { $n ->
    [one] { $shown } overgeslagen
   *[other] { $shown } overgeslagen
}
period-range = { $from } tot en met { $to }
overall-score = Totaalscore
score = Score
target = Doel
focus = Richt je op { $level }: dit niveau scoort { $score } tegen een doel van { $target } en is het laagste niveau dat tekortschiet.
no-focus = Elk niveau haalt zijn doel.
now-overall = In { $period }: totaalscore { $score } ({ $responses })
change-up = { $points } hoger dan in { $period }
change-down = { $points } lager dan in { $period }
change-none = even hoog als in { $period }
change-real = een significante verandering
change-noise = kan toeval zijn
change-untested = niet te toetsen
uncertain = onzeker: weinig antwoorden
interval = 95%-interval { $low }–{ $high }
holds-down = Wat dit niveau omlaag trekt
interval-heading = 95%-interval
audience-note = De scores tellen alleen de groep ‘{ $audience }’: { $shown } van { $total } reacties.
audience-note-withheld = De scores tellen alleen de groep ‘{ $audience }’: { $n ->
    [one] { $shown } reactie
   *[other] { $shown } reacties
}. Minder dan { $min } anderen antwoordden; zij zijn weggelaten, zodat niemand herkenbaar is.
gap-heading = Hoe elke groep de niveaus ziet
gap-higher = ‘{ $group }’ geeft { $level } { $points } punten meer dan ‘{ $audience }’
gap-lower = ‘{ $group }’ geeft { $level } { $points } punten minder dan ‘{ $audience }’
gap-same = ‘{ $group }’ geeft { $level } evenveel punten als ‘{ $audience }’
gap-real = een significant verschil
no-group = niet opgegeven
no-answers = Nog geen antwoorden.
pyramid = Niveaus van verwachtingen
pyramid-note = Het fundament ligt onderaan: een niveau loont pas als de niveaus eronder op orde zijn.
score-of-target = { $score } (doel { $target })
meets-target = haalt het doel
misses-target = onder het doel
no-data = geen gegevens
hidden = verborgen om groepen kleiner dan { $n } te beschermen
what-to-do = Wat te doen aan { $level }
questions = Vragen
trend = Verloop per { $period }
period-month = maand
period-quarter = kwartaal
period-year = jaar
period-week = week
quarter-name = { $quarter }e kwartaal { $year }
week-name = week { $week } van { $year }
by-segment = Per { $segment }
perception-gap = { $high } scoort { $points } punten hoger dan { $low }.
reverse-scored = omgekeerde schaal: een laag antwoord scoort hoog
chart-better = beter
chart-worse = slechter
nps = Net Promoter Score
detractors = Criticasters (0–6)
passives = Passieven (7–8)
promoters = Promotors (9–10)
top2 = Hoogste twee
yes = Ja
no = Nee
show-numbers = Toon de cijfers
answer = Antwoord
count = Aantal
share = Aandeel
comments = Wat respondenten schreven
not-scored = telt niet mee in de score
data-files = Gegevens: { $json } en { $csv }
data-up-to = Gegevens tot en met { $date }
made-with = Gemaakt met rapport { $version }
comments-total = { $n ->
    [one] { $shown } antwoord in totaal.
   *[other] { $shown } antwoorden in totaal.
}
comments-distinct = { $n ->
    [one] { $shown } uniek antwoord getoond.
   *[other] { $shown } unieke antwoorden getoond, de nieuwste eerst.
}
comments-since = De aantallen tellen de antwoorden vanaf { $date }.
comments-times = (×{ $shown })

# With `publish: closed-periods`: the responses of the period still open.
open-period = { $n ->
    [one] { $shown } antwoord uit { $period } telt mee zodra de periode voorbij is.
   *[other] { $shown } antwoorden uit { $period } tellen mee zodra de periode voorbij is.
}
