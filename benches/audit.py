#!/usr/bin/env python3
"""Time the privacy audit on a survey with many cells.

    python3 benches/audit.py                 # 5 years of weeks, a segment of 20 values
    python3 benches/audit.py --per-week 200  # more respondents a week

Writes a project with one survey reported week by week over five years
(261 weeks), one level with two questions, and a segment of 20 values whose
sizes fall off (value 1 common, value 20 rare), so that many cells are
small; builds it with the release binary (without the cache) and with
min_group_size 1 (nothing hidden, no audit work) for comparison, and prints
both wall times and what privacy hid. Needs cargo, python3, GNU time.
"""
import argparse
import datetime
import random
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-week", type=int, default=60)
    parser.add_argument("--values", type=int, default=20)
    parser.add_argument("--weeks", type=int, default=261)
    parser.add_argument("--keep", help="write the projects here and keep them")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target/release/rapport"
    rng = random.Random(11)
    values = [f"v{i + 1:02d}" for i in range(args.values)]
    weights = [1 / (i + 1) for i in range(args.values)]
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        for m in (5, 1):
            project = Path(tmp) / f"m{m}"
            survey = project / "surveys/weekly"
            (survey / "responses").mkdir(parents=True)
            (project / "rapport.yaml").write_text(f"min_group_size: {m}\n")
            (survey / "survey.yaml").write_text(
                "title: Weekly\nlanguages: [en]\nperiod: week\n"
                "levels:\n  - id: today\n    name: Today\n"
                "segments:\n  site:\n    name: Site\n    values: { "
                + ", ".join(f"{v}: {v}" for v in values)
                + " }\nquestions:\n"
                "  - id: ok\n    level: today\n    type: yes_no\n"
                "  - id: score\n    level: today\n    type: nps\n"
            )
            start = datetime.date(2021, 1, 4)
            lines = []
            for week in range(args.weeks):
                for _ in range(args.per_week):
                    day = start + datetime.timedelta(days=week * 7 + rng.randrange(7))
                    value = rng.choices(values, weights)[0]
                    lines.append(
                        f"- submitted: {day.isoformat()}\n  segment: {{ site: {value} }}\n"
                        f"  answers: {{ ok: {rng.choice(['yes', 'no'])}, score: {rng.randrange(11)} }}\n"
                    )
            (survey / "responses/all.yaml").write_text("".join(lines))
            result = subprocess.run(
                ["/usr/bin/time", "-f", "%e %M", str(binary), "--no-cache", "check"],
                cwd=project, capture_output=True, text=True,
            )
            seconds, kib = result.stderr.strip().splitlines()[-1].split()
            privacy = next((l for l in result.stderr.splitlines() if l.startswith("privacy:")), "")
            print(f"min_group_size {m}: {len(lines)} responses, {float(seconds):.2f} s, {int(kib) / 1024:.0f} MiB")
            print(f"  {privacy}")


if __name__ == "__main__":
    main()
