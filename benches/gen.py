#!/usr/bin/env python3
"""Write a benchmark project for rapport: one survey, N responses over F files.

    python3 benches/gen.py OUT --responses 100000 --files 200 [--seed 7]

The survey ("bench") has Gallup's four levels, every question type (scales,
a reversed scale, nps, yes/no, choices, a multi-choice, published and private
free text; every choice has scores, which the peer needs), two segments (group and
region), five languages and eight quarters (2025-Q1 to 2026-Q4). Responses
are spread evenly over time and files (`responses/YYYY/MM/part-NNNNN.yaml`,
every seventh `.yml`), some skip questions, some have no id or language, and
dates are plain or RFC 3339 with an offset. The same arguments always give
the same bytes. Standard library only.
"""
import argparse
import datetime as dt
import os
import random
import shutil

LANGS = ["en", "sv", "ru", "nl", "nb"]


def text(en, sv, ru, nl, nb):
    return {"en": en, "sv": sv, "ru": ru, "nl": nl, "nb": nb}


def yaml_text(t, indent):
    pad = " " * indent
    return "".join(f"\n{pad}{lang}: \"{t[lang]}\"" for lang in LANGS)


LEVELS = [
    ("accuracy", text("Accuracy", "Noggrannhet", "Точность", "Nauwkeurigheid", "Nøyaktighet"), 80, 82),
    ("availability", text("Availability", "Tillgänglighet", "Доступность", "Beschikbaarheid", "Tilgjengelighet"), 75, 66),
    ("partnership", text("Partnership", "Partnerskap", "Партнёрство", "Partnerschap", "Partnerskap"), 70, 72),
    ("advice", text("Advice", "Råd", "Советы", "Advies", "Råd"), 65, 63),
]

Q = text("Question", "Fråga", "Вопрос", "Vraag", "Spørsmål")

# id, level, type, extra
QUESTIONS = [
    ("delivered", "accuracy", "scale", "agree5"),
    ("invoice-right", "accuracy", "yes_no", None),
    ("errors-found", "accuracy", "scale-rev", "freq5"),
    ("reach", "availability", "scale", "agree5"),
    ("reply-time", "availability", "choice", {"hour": 100, "day": 70, "week": 30, "never": 0}),
    ("channel", "availability", "choice-plain", {"phone": 60, "email": 50, "chat": 70, "store": 80}),
    ("chase", "availability", "scale-rev", "freq5"),
    ("understand", "partnership", "scale", "agree5"),
    ("words", "partnership", "multi", {"helpful": 100, "friendly": 80, "slow": 20, "rude": 0}),
    ("resolved", "partnership", "yes_no", None),
    ("learned", "advice", "scale", "agree5"),
    ("recommend", "advice", "nps", None),
    ("advice-useful", "advice", "scale", "agree5"),
    ("improve", None, "text", True),
    ("private", None, "text", False),
]

COMMENTS = [
    "Fast and friendly, thank you!",
    "Tack för snabb hjälp.",
    "Спасибо, всё отлично.",
    "Prima service, maar de wachttijd was lang.",
    "Takk for god hjelp!",
    "The invoice was wrong twice <b>again</b> & nobody called back.",
    "Bra, men \\\"chatten\\\" svarade inte.",
    "😀 great",
]


def survey_yaml():
    out = ["title:" + yaml_text(text("Benchmark", "Prestanda", "Тест", "Benchmark", "Ytelse"), 2)]
    out.append("description: \"A generated survey for **benchmarks**.\"")
    out.append("languages: [" + ", ".join(LANGS) + "]")
    out.append("period: quarter\ntarget: 75\nscales:")
    for sid, labels in [("agree5", ["1", "2", "3", "4", "5"]), ("freq5", ["never", "rarely", "sometimes", "often", "always"])]:
        out.append(f"  {sid}:\n    labels:" + "".join(
            f"\n      {lang}: [" + ", ".join(f"\"{l}\"" for l in labels) + "]" for lang in LANGS))
    out.append("levels:")
    for lid, name, target, _ in LEVELS:
        rec = text("Fix this level first.", "Åtgärda denna nivå först.", "Сначала исправьте этот уровень.",
                   "Los dit niveau eerst op.", "Fiks dette nivået først.")
        out.append(f"  - id: {lid}\n    name:{yaml_text(name, 6)}\n    target: {target}\n    recommendations:{yaml_text(rec, 6)}")
    out.append("questions:")
    for qid, level, kind, extra in QUESTIONS:
        q = f"  - id: {qid}\n"
        if level:
            q += f"    level: {level}\n"
        if kind in ("scale", "scale-rev"):
            q += f"    type: scale\n    scale: {extra}\n"
            if kind == "scale-rev":
                q += "    reverse: true\n"
        elif kind in ("choice", "multi", "choice-plain"):
            q += "    type: " + ("multi_choice" if kind == "multi" else "choice") + "\n    options:\n"
            for o in extra:
                q += f"      {o}:{yaml_text(text(o, o, o, o, o), 8)}\n"
            q += "    scores: { " + ", ".join(f"{o}: {s}" for o, s in extra.items()) + " }\n"
        elif kind == "text":
            q += f"    type: text\n    publish: {'true' if extra else 'false'}\n"
        else:
            q += f"    type: {kind}\n"
        q += "    text:" + yaml_text({l: f"{Q[l]} {qid}" for l in LANGS}, 6)
        out.append(q)
    out.append("segments:")
    out.append("  group:\n    name:" + yaml_text(text("Group", "Grupp", "Группа", "Groep", "Gruppe"), 6)
               + "\n    values:\n      customer: \"Customer\"\n      staff: \"Staff\"")
    out.append("  region:\n    name: \"Region\"\n    values:\n" + "".join(
        f"      {r}: \"{r.title()}\"\n" for r in ["north", "south", "east", "west"]).rstrip("\n"))
    return "\n".join(out) + "\n"


def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v


def answer(rng, kind, extra, mean):
    """An answer near `mean` (0-100), as YAML text."""
    x = mean + rng.gauss(0, 22)
    if kind == "scale":
        return str(clamp(round(1 + x / 25), 1, 5))
    if kind == "scale-rev":
        return str(clamp(round(5 - x / 25), 1, 5))
    if kind == "nps":
        return str(clamp(round(x / 10), 0, 10))
    if kind == "yes_no":
        word = ("yes", "no") if rng.random() < 0.8 else ("true", "false")
        return word[0] if rng.random() * 100 < x else word[1]
    if kind == "choice":
        options = list(extra)
        return options[clamp(int((100 - x) / 26), 0, len(options) - 1)]
    if kind == "choice-plain":
        return rng.choice(list(extra))
    if kind == "multi":
        options = list(extra)
        chosen = sorted({options[clamp(int((100 - x + rng.gauss(0, 20)) / 26), 0, 3)] for _ in range(rng.randint(1, 3))})
        return "[" + ", ".join(chosen) + "]"
    return None


def response(rng, n, day, quarter):
    staff = rng.random() < 0.15
    person = rng.gauss(0, 8) + (14 if staff else 0) + quarter * 1.2
    lines = []
    if rng.random() < 0.97:
        lines.append(f"- id: r-{n:07d}")
        lines.append(f"  submitted: {day}" if rng.random() < 0.6 else f"  submitted: {day}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00+01:00")
    else:
        lines.append(f"- submitted: {day}")
    if rng.random() < 0.95:
        lines.append(f"  language: {rng.choice(LANGS)}")
    if rng.random() < 0.98:
        region = rng.choice(["north", "south", "east", "west"])
        group = "staff" if staff else "customer"
        lines.append(f"  segment: {{ group: {group}, region: {region} }}")
    lines.append("  answers:")
    means = {lid: base for lid, _, _, base in LEVELS}
    for qid, level, kind, extra in QUESTIONS:
        r = rng.random()
        if kind == "text":
            if extra and r < 0.10:
                lines.append(f"    {qid}: \"{rng.choice(COMMENTS)}\"")
            elif not extra and r < 0.03:
                lines.append(f"    {qid}: \"Only for us.\"")
            continue
        if r < 0.03:
            continue
        if r < 0.05:
            lines.append(f"    {qid}: null")
            continue
        lines.append(f"    {qid}: {answer(rng, kind, extra, means[level] + person)}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--responses", type=int, required=True)
    ap.add_argument("--files", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    sdir = os.path.join(out, "surveys", "bench")
    os.makedirs(sdir)
    with open(os.path.join(out, "rapport.yaml"), "w", encoding="utf-8") as f:
        f.write("languages: [" + ", ".join(LANGS) + "]\nmin_group_size: 5\n")
    with open(os.path.join(sdir, "survey.yaml"), "w", encoding="utf-8") as f:
        f.write(survey_yaml())
    rng = random.Random(args.seed)
    start = dt.date(2025, 1, 1)
    days = (dt.date(2026, 12, 31) - start).days + 1
    per_file, extra = divmod(args.responses, args.files)
    n = 0
    for k in range(args.files):
        count = per_file + (1 if k < extra else 0)
        first = start + dt.timedelta(days=k * days // args.files)
        folder = os.path.join(sdir, "responses", f"{first.year}", f"{first.month:02d}")
        os.makedirs(folder, exist_ok=True)
        ext = "yml" if k % 7 == 6 else "yaml"
        chunks = []
        for i in range(count):
            day = start + dt.timedelta(days=(k * days + i * days // max(count, 1)) // args.files)
            quarter = (day.year - 2025) * 4 + (day.month - 1) // 3
            n += 1
            chunks.append(response(rng, n, day.isoformat(), quarter))
        with open(os.path.join(folder, f"part-{k:05d}.{ext}"), "w", encoding="utf-8") as f:
            f.write("\n".join(chunks) + "\n" if chunks else "[]\n")
    print(f"wrote {n} responses in {args.files} files to {out}")


if __name__ == "__main__":
    main()
