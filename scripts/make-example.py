#!/usr/bin/env python3
"""Write the made-up responses of the example project's three surveys.

Run it from the project root:

    python3 scripts/make-example.py

It deletes and rewrites these folders, and touches nothing else:

    surveys/customer-expectations/responses/
    surveys/service-ladder/responses/
    surveys/how-did-we-do/responses/

The output is the same on every run and on every machine: it uses only the
standard library, a fixed random seed per survey, and never looks at today's
date. The YAML is written by hand (no PyYAML), in the plain style a person or
an export script would use. Free-text answers are always double-quoted.

The numbers are invented but shaped like real ones: customers rate accuracy
well, availability clearly below its target, partnership and advice in the
middle; staff rate everything much higher (the perception gap); every survey
improves slowly over time. Some answers are skipped, some responses have no
id or no language, and a few are stamped with an RFC 3339 date-time instead of
a plain date.
"""

import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the project root

HEADER = (
    "# Made-up example responses, written by scripts/make-example.py.\n"
    "# Re-run the script rather than editing this file. rapport reads every\n"
    "# .yaml and .yml file under responses/, whatever the folders are called:\n"
    "# the folders only keep things tidy, the period comes from `submitted` and\n"
    "# the breakdowns from `segment`.\n"
)


# --------------------------------------------------------------------------
# Writing YAML by hand

class Free(str):
    """A free-text answer: always written as a double-quoted YAML string."""


def quoted(text):
    """Return text as a double-quoted YAML scalar with every escape it needs."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(value):
    """Format one answer value."""
    if value is None:
        return "null"
    if isinstance(value, Free):
        return quoted(value)
    if isinstance(value, bool):  # not used, but never write Python's True/False
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    return str(value)  # ids, yes/no: plain strings that need no quotes


def render(responses):
    """Return the text of one response file."""
    lines = [HEADER]
    for r in responses:
        fields = []
        if r.get("id"):
            fields.append("id: " + r["id"])
        fields.append("submitted: " + r["submitted"])
        if r.get("language"):
            fields.append("language: " + r["language"])
        if r.get("segment"):
            pairs = ", ".join(f"{k}: {v}" for k, v in r["segment"].items())
            fields.append("segment: { " + pairs + " }")
        if r["answers"]:
            fields.append("answers:")
            fields += [f"  {qid}: {scalar(v)}" for qid, v in r["answers"]]
        else:
            fields.append("answers: {}")
        lines.append("- " + fields[0])
        lines += ["  " + f for f in fields[1:]]
    return "\n".join(lines) + "\n"


def write_files(survey, files):
    """Replace surveys/<survey>/responses/ with the given {relative path: responses}."""
    folder = ROOT / "surveys" / survey / "responses"
    if folder.exists():
        shutil.rmtree(folder)
    for rel, responses in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        responses.sort(key=lambda r: (r["date"], r["submitted"]))
        path.write_text(render(responses), encoding="utf-8")
    total = sum(len(v) for v in files.values())
    print(f"surveys/{survey}/responses: {total} responses in {len(files)} files")


# --------------------------------------------------------------------------
# Dates and times

def last_sunday(year, month):
    d = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def summer_time(d):
    """EU summer time (the times used here are never in the small hours of a switch day)."""
    return last_sunday(d.year, 3) <= d < last_sunday(d.year, 10)


def utc_offset(d, language):
    """A plausible UTC offset for a respondent writing in this language."""
    if language == "ru":
        return "+03:00"  # Moscow
    if language == "en":
        return "+01:00" if summer_time(d) else "Z"  # London
    return "+02:00" if summer_time(d) else "+01:00"  # Stockholm, Oslo, Amsterdam


def stamp(rng, d, language, share_with_time):
    """Most responses carry a plain date; some a full date-time with an offset."""
    if rng.random() >= share_with_time:
        return d.isoformat()
    hour, minute = rng.randint(7, 21), rng.randrange(60)
    return f"{d.isoformat()}T{hour:02d}:{minute:02d}:00{utc_offset(d, language)}"


def days(first, last):
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# --------------------------------------------------------------------------
# Answers. `m` is how well things went for this respondent, 0-100.

def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def scale_answer(rng, m, n=5, spread=0.75):
    return int(clamp(round(1 + (n - 1) * m / 100 + rng.gauss(0, spread)), 1, n))


def yes_no_answer(rng, m):
    return "yes" if rng.random() < clamp(m / 100, 0.02, 0.98) else "no"


def nps_answer(rng, m):
    return int(clamp(round(m / 10 + rng.gauss(0, 1.5)), 0, 10))


def choice_answer(rng, m, scores, spread=18):
    t = m + rng.gauss(0, spread)
    return min(scores, key=lambda o: abs(scores[o] - t))


def multi_answer(rng, m, scores):
    k = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
    chosen = []
    for _ in range(12):
        o = choice_answer(rng, m, scores, spread=22)
        if o not in chosen:
            chosen.append(o)
        if len(chosen) == k:
            break
    return [o for o in scores if o in chosen]  # in declared order


def maybe_skip(rng, answers, qid, value, missing=0.04, null=0.015):
    """Append an answer, or skip it: most skips leave the key out, some write null."""
    x = rng.random()
    if x < missing:
        return
    answers.append((qid, None if x < missing + null else value))


class CommentBox:
    """Hands out each prepared comment at most once, in a shuffled order."""

    def __init__(self, rng, pools):
        self.pools = {}
        for key, texts in pools.items():
            texts = list(texts)
            rng.shuffle(texts)
            self.pools[key] = texts

    def take(self, key):
        pool = self.pools.get(key)
        return Free(pool.pop()) if pool else None


def pick_language(rng, weights, missing=0.05):
    """A language from weights, or None (the field left out) now and then."""
    if rng.random() < missing:
        return None
    langs = list(weights)
    return rng.choices(langs, weights=[weights[l] for l in langs])[0]


def assign_ids(responses, prefix, rng, without=0.04):
    """Number the responses in time order; leave the id out of a few."""
    responses.sort(key=lambda r: (r["date"], r["submitted"]))
    for n, r in enumerate(responses, 1):
        if rng.random() >= without:
            r["id"] = f"{prefix}-{n:04d}"


# --------------------------------------------------------------------------
# Survey 1: customer expectations (quarterly, customers and staff)

CE_QUARTERS = [(2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3)]
CE_COUNTS = [50, 54, 58, 60, 64, 68]
# (quarter index, position in that quarter): the only reseller customers.
# Three in all, fewer than min_group_size, so the report hides them.
CE_PARTNER_SLOTS = {(1, 9), (3, 20), (5, 4)}

CE_LEVEL_MEAN = {  # the typical respondent in the middle of the series
    "customer": {"accuracy": 79.5, "availability": 58, "partnership": 66, "advice": 63},
    "staff": {"accuracy": 95, "availability": 93, "partnership": 92, "advice": 91},
}
CE_TREND = {"customer": 1.8, "staff": 0.3}  # points per quarter
CE_CHANNEL_SHIFT = {
    "store": {"partnership": 3, "advice": 2},
    "web": {"availability": -4, "partnership": -3},
    "phone": {"availability": 3},
    "partner": {},
}
CE_REPLY_SCORES = {"same-day": 100, "next-day": 75, "within-week": 40, "longer": 10, "never": 0}
CE_WORD_SCORES = {"partner": 100, "helpful": 80, "polite": 50, "indifferent": 15, "pushy": 0}
CE_CONTACT = {  # how customers of each sales channel got in touch afterwards
    "store": {"visit": 45, "phone": 20, "email": 15, "chat": 10, "none": 10},
    "web": {"visit": 5, "phone": 15, "email": 35, "chat": 35, "none": 10},
    "phone": {"visit": 5, "phone": 60, "email": 20, "chat": 5, "none": 10},
    "partner": {"visit": 20, "phone": 30, "email": 40, "chat": 5, "none": 5},
}

CE_IMPROVE = {
    ("customer", "en"): [
        "Answer the phone faster. I was on hold for 25 minutes.",
        "The parcel came on time, but nobody replied to my e-mail about the invoice.",
        "Tell me how long I will have to wait instead of just saying \"soon\".",
        "More guides like the one for <b>beginners</b> & fewer sales e-mails, please.",
        "Follow up after a return so I know the refund is on its way.",
        "The chat closes at 5 pm, which is exactly when I have time.",
        "Honestly, not much. Keep it up!",
        "Let the store staff check stock in other stores.",
        "Your website says 2-3 days, but it always takes a week.",
    ],
    ("customer", "sv"): [
        "Svara snabbare på mejl, jag fick vänta en hel vecka.",
        "Personalen i butiken var jättetrevlig, men kön till kassan var lång.",
        "Säg hur länge man får vänta i telefonkön.",
        "Hör gärna av er efter köpet och fråga om allt fungerar.",
        "Mer \"riktiga\" råd och mindre reklam.",
        "Fakturan och orderbekräftelsen visade olika priser.",
        "Inget särskilt, det mesta fungerar bra.",
    ],
    ("customer", "ru"): [
        "Отвечайте на письма быстрее, я ждал ответа неделю.",
        "Хотелось бы, чтобы после покупки кто-то перезвонил и спросил, всё ли в порядке.",
        "Сайт удобный, но чат часто не отвечает.",
        "Меньше рекламы, больше полезных советов & инструкций.",
        "Курьер приехал на день позже, и никто не предупредил.",
        "Всё хорошо, спасибо консультанту Анне!",
    ],
    ("staff", "en"): [
        "We need more people on the phones on Monday mornings.",
        "Let us refund small amounts without asking a manager first.",
        "Customers ask about the new models before we have been trained on them.",
    ],
    ("staff", "sv"): [
        "Vi behöver mer utbildning om de nya produkterna.",
        "Låt oss ringa upp kunderna efter en reklamation.",
        "Webbens leveranstider stämmer inte med lagret.",
    ],
    ("staff", "ru"): [
        "Нужно больше времени на обучение новых сотрудников.",
    ],
}
CE_IN_CONFIDENCE = {
    ("customer", "en"): [
        "A manager in the city store was rude to me. I would rather not say more in public.",
        "Please call me back about my order; my number is on the account.",
        "My parcel has arrived damaged twice now.",
    ],
    ("customer", "sv"): [
        "Jag vill inte att mitt namn syns, men leveransen kom fram trasig två gånger.",
        "Ring mig gärna om reklamationen, numret finns i mitt konto.",
    ],
    ("customer", "ru"): [
        "Прошу связаться со мной по поводу возврата, номер заказа в личном кабинете.",
    ],
    ("staff", "en"): [
        "We are told to close tickets before the problem is solved, to keep the numbers up.",
    ],
    ("staff", "sv"): [
        "Det är svårt att säga till chefen när något inte fungerar.",
    ],
    ("staff", "ru"): [],
}


def customer_expectations():
    rng = random.Random(20250401)
    comments = CommentBox(rng, CE_IMPROVE)
    confidences = CommentBox(rng, CE_IN_CONFIDENCE)
    files = {}
    everyone = []
    middle = (len(CE_QUARTERS) - 1) / 2
    for qi, ((year, quarter), count) in enumerate(zip(CE_QUARTERS, CE_COUNTS)):
        first = dt.date(year, 3 * quarter - 2, 1)
        last = (dt.date(year + quarter // 4, 3 * quarter % 12 + 1, 1) - dt.timedelta(days=1))
        quarter_days = days(first, last)
        for pos in range(count):
            partner = (qi, pos) in CE_PARTNER_SLOTS
            group = "customer" if partner or rng.random() >= 0.13 else "staff"
            if partner:
                channel = "partner"
            elif group == "customer":
                channel = rng.choices(["store", "web", "phone"], weights=[45, 35, 20])[0]
            else:
                channel = rng.choices(["store", "web", "phone"], weights=[50, 25, 25])[0]
            if group == "customer":
                language = pick_language(rng, {"en": 45, "sv": 35, "ru": 20})
            else:
                language = pick_language(rng, {"sv": 55, "en": 35, "ru": 10})
            d = rng.choice(quarter_days)
            submitted = stamp(rng, d, language or "en", 0.12)

            person = rng.gauss(0, 7)  # some people are simply more generous

            def level_mean(level):
                m = (CE_LEVEL_MEAN[group][level] + CE_TREND[group] * (qi - middle)
                     + CE_CHANNEL_SHIFT[channel].get(level, 0) + person + rng.gauss(0, 5))
                return clamp(m, 0, 100)

            acc, ava, par, adv = (level_mean(l) for l in
                                  ("accuracy", "availability", "partnership", "advice"))
            answers = []
            maybe_skip(rng, answers, "delivered-as-promised", scale_answer(rng, acc))
            maybe_skip(rng, answers, "order-correct", yes_no_answer(rng, acc + 10))
            maybe_skip(rng, answers, "repeat-contact", 6 - scale_answer(rng, acc - 3))
            contact = None
            if group == "customer":
                contact = rng.choices(list(CE_CONTACT[channel]),
                                      weights=list(CE_CONTACT[channel].values()))[0]
            if contact != "none":
                maybe_skip(rng, answers, "easy-to-reach", scale_answer(rng, ava))
                maybe_skip(rng, answers, "reply-time", choice_answer(rng, ava, CE_REPLY_SCORES))
            if contact is not None:  # staff are not asked how they contacted themselves
                maybe_skip(rng, answers, "contact-method", contact)
            maybe_skip(rng, answers, "understands-needs", scale_answer(rng, par))
            maybe_skip(rng, answers, "proactive", scale_answer(rng, par - 6))
            if rng.random() < 0.01:
                answers.append(("relationship-words", []))  # an empty list is a skipped question
            else:
                maybe_skip(rng, answers, "relationship-words",
                           multi_answer(rng, par, CE_WORD_SCORES))
            maybe_skip(rng, answers, "useful-advice", scale_answer(rng, adv))
            maybe_skip(rng, answers, "learned-something", yes_no_answer(rng, adv - 8))
            maybe_skip(rng, answers, "recommend", nps_answer(rng, (acc + ava + par + adv) / 4 + 5))
            text_language = language or "en"
            if rng.random() < (0.16 if group == "customer" else 0.3):
                text = comments.take((group, text_language))
                if text:
                    answers.append(("improve-first", text))
            if rng.random() < 0.05:
                text = confidences.take((group, text_language))
                if text:
                    answers.append(("in-confidence", text))

            r = {"date": d, "submitted": submitted, "language": language,
                 "segment": {"group": group, "channel": channel}, "answers": answers}
            if (qi, pos) == (4, 0):
                # Edge case: just after midnight on 1 April, local time. rapport uses the
                # date as written, so this is 2026-Q2, although in UTC it is still 31 March.
                r["date"] = dt.date(2026, 4, 1)
                r["submitted"] = "2026-04-01T00:20:00+02:00"
                r["language"] = "sv"
            everyone.append(r)
            if group == "staff":
                rel = f"{year}/q{quarter}/internal/staff.yaml"
            else:
                rel = f"{year}/q{quarter}/{channel}.{'yml' if channel == 'web' else 'yaml'}"
            files.setdefault(rel, []).append(r)
    assign_ids(everyone, "ce", rng)
    write_files("customer-expectations", files)


# --------------------------------------------------------------------------
# Survey 2: the service ladder (monthly, new and returning customers)

SL_MONTHS = [(2026, m) for m in range(4, 10)]
SL_COUNTS = [30, 31, 33, 34, 35, 37]
SL_LEVEL_MEAN = {
    "new": {"meet": 84, "exceed": 59, "delight": 52, "amaze": 46},
    "returning": {"meet": 88, "exceed": 65, "delight": 60, "amaze": 55},
}
SL_TREND = 1.5  # points per month


def service_ladder():
    rng = random.Random(20260401)
    files = {}
    everyone = []
    middle = (len(SL_MONTHS) - 1) / 2
    for mi, ((year, month), count) in enumerate(zip(SL_MONTHS, SL_COUNTS)):
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        month_days = days(first, last)
        for pos in range(count):
            kind = "new" if rng.random() < 0.4 else "returning"
            language = pick_language(rng, {"nl": 70, "en": 30})
            d = rng.choice(month_days)
            submitted = stamp(rng, d, language or "nl", 0.1)
            person = rng.gauss(0, 6)

            def level_mean(level):
                m = (SL_LEVEL_MEAN[kind][level] + SL_TREND * (mi - middle)
                     + person + rng.gauss(0, 5))
                return clamp(m, 0, 100)

            meet, exceed, delight, amaze = (level_mean(l) for l in
                                            ("meet", "exceed", "delight", "amaze"))
            answers = []
            maybe_skip(rng, answers, "as-promised", scale_answer(rng, meet))
            maybe_skip(rng, answers, "no-mistakes", yes_no_answer(rng, meet + 4))
            maybe_skip(rng, answers, "friendly-quick", scale_answer(rng, exceed + 6))
            maybe_skip(rng, answers, "followed-up", yes_no_answer(rng, exceed - 8))
            maybe_skip(rng, answers, "pleasant-surprise", yes_no_answer(rng, delight - 4))
            maybe_skip(rng, answers, "better-than-elsewhere", scale_answer(rng, delight + 4))
            maybe_skip(rng, answers, "told-others", yes_no_answer(rng, amaze - 8))
            maybe_skip(rng, answers, "recommend", nps_answer(rng, amaze + 12))
            r = {"date": d, "submitted": submitted, "language": language,
                 "segment": {"customer_type": kind}, "answers": answers}
            if (mi, pos) == (3, 0):
                # Edge case: five past midnight on 1 July, local time: July, as written.
                r["date"] = dt.date(2026, 7, 1)
                r["submitted"] = "2026-07-01T00:05:00+02:00"
                r["language"] = "nl"
            everyone.append(r)
            ext = "yaml" if kind == "new" else "yml"
            files.setdefault(f"{year}/{month:02d}/{kind}.{ext}", []).append(r)
    assign_ids(everyone, "sl", rng)
    write_files("service-ladder", files)


# --------------------------------------------------------------------------
# Survey 3: how did we do today? (weekly, one click)

HD_WEEKS = list(range(36, 46))  # ISO weeks 36-45 of 2026: 31 August - 8 November
HD_COUNTS = [22, 24, 25, 23, 27, 26, 24, 28, 25, 26]
HD_SCORES = {"great": 100, "good": 67, "poor": 33, "bad": 0}
HD_DAY_WEIGHTS = [16, 15, 15, 16, 18, 16, 4]  # Monday..Sunday: closed most Sundays
HD_COMMENTS = {
    ("nb", "happy"): [
        "Rask og hyggelig betjening, takk!",
        "Han som hjalp meg kunne alt om produktet.",
        "Fint å få beskjed om hvor lenge jeg måtte vente.",
        "Butikken var ryddig & lett å finne frem i.",
        "Dere ringte meg dagen etter for å høre om alt virket. Det setter jeg pris på.",
        "Fikk et \"lite\" råd som sparte meg for mye tid.",
        "Alltid like blid i kassa!",
        "Hun tok seg god tid og forklarte alt på vanlig norsk.",
    ],
    ("nb", "unhappy"): [
        "Måtte vente lenge i kassen.",
        "Dere lovet å ringe tilbake, men ingen ringte.",
        "Svaret var <i>nesten</i> riktig, men jeg måtte komme tilbake.",
        "Varen sto på nettsiden som på lager, men den var utsolgt.",
        "Ingen så ut til å vite noe om garantien.",
    ],
    ("en", "happy"): [
        "Quick and friendly, thanks!",
        "The staff member explained the \"premium\" plan really well.",
        "Great help with setting up the <b>new</b> router & the app.",
        "Loved that you told me the waiting time up front.",
    ],
    ("en", "unhappy"): [
        "Waited 20 minutes before anyone noticed me.",
        "Nobody followed up on my complaint.",
        "The price on the shelf was not the price at the till.",
    ],
}


def how_did_we_do():
    rng = random.Random(20260831)
    comments = CommentBox(rng, HD_COMMENTS)
    files = {}
    everyone = []
    for wi, (week, count) in enumerate(zip(HD_WEEKS, HD_COUNTS)):
        monday = dt.date.fromisocalendar(2026, week, 1)
        for pos in range(count):
            language = pick_language(rng, {"nb": 78, "en": 22})
            d = monday + dt.timedelta(days=rng.choices(range(7), weights=HD_DAY_WEIGHTS)[0])
            submitted = stamp(rng, d, language or "nb", 0.15)
            m = 66 + 1.5 * wi
            rating = choice_answer(rng, m, HD_SCORES, spread=30)
            answers = []
            maybe_skip(rng, answers, "rating", rating, missing=0.01, null=0.01)
            if rng.random() < 0.14:
                mood = "happy" if rating in ("great", "good") else "unhappy"
                text = comments.take((language or "nb", mood))
                if text:
                    answers.append(("comment", text))
            r = {"date": d, "submitted": submitted, "language": language, "answers": answers}
            if (week, pos) == (41, 0):
                # Edge case: a quarter past midnight on Monday 5 October, local time. As
                # written it is in 2026-W41, although in UTC it is still Sunday (W40).
                r["date"] = dt.date(2026, 10, 5)
                r["submitted"] = "2026-10-05T00:15:00+02:00"
                r["language"] = "nb"
            everyone.append(r)
            ext = "yaml" if week % 2 == 0 else "yml"
            files.setdefault(f"2026/week-{week}.{ext}", []).append(r)
    assign_ids(everyone, "hd", rng, without=0.08)
    write_files("how-did-we-do", files)


if __name__ == "__main__":
    customer_expectations()
    service_ladder()
    how_did_we_do()
