#!/usr/bin/env python3
"""Time `rapport import` on a large export.

    python3 benches/import.py            # 100 000 rows
    python3 benches/import.py 1000000    # any number of rows

Writes a Google Forms CSV download for the example survey
customer-expectations (a Timestamp column, then one column per question
headed by its English text; answers as their English labels, multi-select
answers joined by `;`, free text with commas and quotes), copies the survey
into a scratch project, and measures with GNU time (wall clock, peak RSS):
a dry run, the import itself, and `rapport check` of the result. The
release binary is built first. Needs cargo, python3 with PyYAML, GNU time.
"""
import csv
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def english(text):
    return text["en"] if isinstance(text, dict) else text


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target/release/rapport"
    survey_file = ROOT / "surveys/customer-expectations/survey.yaml"
    survey = yaml.safe_load(survey_file.read_text(encoding="utf-8"))
    scales = {k: v["labels"] for k, v in survey.get("scales", {}).items()}
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        (project / "surveys/customer-expectations").mkdir(parents=True)
        shutil.copy(survey_file, project / "surveys/customer-expectations/survey.yaml")
        export = Path(tmp) / "Customer expectations (Responses).csv"
        rng = random.Random(7)
        questions = survey["questions"]
        with export.open("w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(["Timestamp"] + [english(q.get("text", q["id"])) for q in questions])
            for i in range(rows):
                day = 1 + i * 364 // rows
                stamp = f"2026/{1 + (day - 1) // 31 % 12:02d}/{1 + (day - 1) % 28:02d} {i % 12 + 1}:{i % 60:02d}:{i * 7 % 60:02d} pm CET"
                row = [stamp]
                for q in questions:
                    kind = q["type"]
                    if rng.random() < 0.05:
                        row.append("")
                    elif kind == "scale":
                        labels = scales[q["scale"]]
                        row.append(rng.choice(labels["en"] if isinstance(labels, dict) else labels))
                    elif kind == "nps":
                        row.append(str(rng.randint(0, 10)))
                    elif kind == "yes_no":
                        row.append(rng.choice(["Yes", "No"]))
                    elif kind == "choice":
                        row.append(english(rng.choice(list(q["options"].values()))))
                    elif kind == "multi_choice":
                        labels = [english(v) for v in q["options"].values()]
                        row.append(";".join(rng.sample(labels, rng.randint(1, min(3, len(labels))))))
                    else:
                        row.append(rng.choice(["", "Fine, thanks", 'They said "soon", twice', "Snabbt & bra"]))
                out.writerow(row)
        size = export.stat().st_size / 1e6
        print(f"{rows} rows, {len(questions)} questions, {size:.1f} MB")
        for name, args in [
            ("import --dry-run", ["import", str(export), "--survey", "customer-expectations", "--dry-run", "--quiet"]),
            ("import", ["import", str(export), "--survey", "customer-expectations", "--quiet"]),
            ("check after import", ["--no-cache", "check", "--quiet"]),
        ]:
            result = subprocess.run(
                ["/usr/bin/time", "-f", "%e %M", str(binary), *args],
                cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
            )
            seconds, kib = result.stderr.strip().splitlines()[-1].split()
            print(f"{name:20} {float(seconds):6.2f} s  {int(kib) / 1024:6.0f} MiB peak")


if __name__ == "__main__":
    main()
