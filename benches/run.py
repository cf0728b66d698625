#!/usr/bin/env python3
"""Measure rapport against its yardsticks, side by side in one run.

    python3 benches/run.py                 # 10k, 100k and 1m
    python3 benches/run.py 100k            # one size
    python3 benches/run.py 1m --peer       # the peer at 1m too (about 9 minutes)

For each size it generates a project with benches/gen.py (once; reused while
the arguments and gen.py are unchanged), reads it once to warm the page
cache, then measures with GNU time (wall clock, peak RSS):

- rapport: a full build without the cache; a rebuild with nothing changed;
  a rebuild after one file changed;
- the parse ceiling: ../shared/bench/ceiling reading the same files into typed
  structs with two threads, with saphyr's event parser and with serde_yaml;
- the peer: ../shared/bench/peer.py (PyYAML, pandas, matplotlib, jinja2), at
  10k and 100k unless --peer is given.

It ends with the example in surveys/ and a line per target. The shared bench
folder is copied to the work folder (it may be read-only), where the ceiling
is built and the peer's virtualenv made. Needs cargo, python3 and GNU time.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"10k": (10_000, 20), "100k": (100_000, 200), "1m": (1_000_000, 1000)}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd, cwd=None):
    """(wall seconds, peak RSS MiB) of a command, via GNU time."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name, *cmd], check=True, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, kb = t.read().split()[-2:]
        return float(wall), int(kb) / 1024


def prepare(args):
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if not Path("/usr/bin/time").exists():
        run(["apt-get", "install", "-y", "-qq", "time"])
    run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    bench = work / "bench"
    src = Path(args.bench_dir).resolve()
    for name in ["peer.py", "requirements.txt"]:
        bench.mkdir(exist_ok=True)
        shutil.copy2(src / name, bench / name)
    if not (bench / "ceiling").exists():
        shutil.copytree(src / "ceiling", bench / "ceiling", ignore=shutil.ignore_patterns("target"))
    run(["cargo", "build", "--release", "--quiet", "-j", "2"], cwd=bench / "ceiling")
    venv = bench / ".venv"
    if not (venv / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run([str(venv / "bin" / "pip"), "install", "--quiet", "-r", str(bench / "requirements.txt")])
    return work, bench


def project(work, size):
    responses, files = SIZES[size]
    out = work / "data" / size
    gen = ROOT / "benches" / "gen.py"
    stamp = f"{responses} {files} {hashlib.sha256(gen.read_bytes()).hexdigest()}"
    if not (out / ".stamp").exists() or (out / ".stamp").read_text() != stamp:
        run([sys.executable, str(gen), str(out), "--responses", str(responses), "--files", str(files)],
            stdout=subprocess.DEVNULL)
        (out / ".stamp").write_text(stamp)
    return out


def response_files(path):
    return sorted(p for p in (path / "surveys").rglob("*") if p.suffix in (".yaml", ".yml") and "responses" in p.parts)


def row(name, wall, rss, responses, mb):
    return f"| {name} | {wall:.2f} | {rss:.0f} | {responses / wall:,.0f} | {mb / wall:.1f} |"


def measure(size, work, bench, args, summary):
    path = project(work, size)
    files = response_files(path)
    mb = sum(f.stat().st_size for f in files) / 1e6
    for f in files:  # warm the page cache
        f.read_bytes()
    responses = SIZES[size][0]
    rapport = str(ROOT / "target" / "release" / "rapport")
    out = work / "out" / size
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(path / ".rapport-cache", ignore_errors=True)
    base = [rapport, "--root", str(path), "--quiet", "build", "--out", str(out / "site")]
    results = {}
    results["rapport build (no cache)"] = timed([*base[:4], "--no-cache", *base[4:]])
    timed(base)  # fills the cache
    results["rapport rebuild, nothing changed"] = timed(base)
    changed = files[len(files) // 2]
    original = changed.read_bytes()
    changed.write_bytes(original + b"- id: changed-0000001\n  submitted: 2026-06-30\n  answers: { recommend: 9 }\n")
    try:
        results["rapport rebuild, 1 file changed"] = timed(base)
    finally:
        changed.write_bytes(original)
    ceiling = str(bench / "ceiling" / "target" / "release" / "ceiling")
    for parser in ["saphyr_events", "serde_yaml"]:
        results[f"ceiling {parser} x2"] = timed([ceiling, "bench", "--parser", parser, "--threads", "2", str(path)])
    if args.peer or SIZES[size][0] <= 100_000:
        py = str(bench / ".venv" / "bin" / "python")
        results["peer (PyYAML + pandas + matplotlib)"] = timed([py, str(bench / "peer.py"), str(path), "--out", str(out)])

    print(f"\n### {size}: {responses:,} responses in {len(files)} files, {mb:.1f} MB\n")
    print("| contender | wall s | peak RSS MiB | responses/s | MB/s |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, rss) in results.items():
        print(row(name, wall, rss, responses, mb))
    full = results["rapport build (no cache)"][0]
    fastest = min(w for n, (w, _) in results.items() if n.startswith("ceiling"))
    print(f"\nfull build / fastest ceiling: {full / fastest:.2f}")
    if "peer (PyYAML + pandas + matplotlib)" in results:
        print(f"peer / full build: {results['peer (PyYAML + pandas + matplotlib)'][0] / full:.1f}x")
    print(f"rebuild, nothing changed / full build: {results['rapport rebuild, nothing changed'][0] / full:.1%}")
    print(f"rebuild, 1 file changed / full build: {results['rapport rebuild, 1 file changed'][0] / full:.1%}")
    summary[size] = dict(results=results, full=full, fastest=fastest)


def example(work):
    rapport = str(ROOT / "target" / "release" / "rapport")
    out = work / "out" / "example"
    shutil.rmtree(out, ignore_errors=True)
    walls = [timed([rapport, "--root", str(ROOT), "--quiet", "--no-cache", "build", "--out", str(out)])[0] for _ in range(3)]
    return min(walls)


def main():
    ap = argparse.ArgumentParser(description="rapport against the parse ceiling and the peer")
    ap.add_argument("sizes", nargs="*", help="10k, 100k or 1m (default: all three)")
    ap.add_argument("--bench-dir", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "rapport-bench-work"))
    ap.add_argument("--peer", action="store_true", help="run the peer at 1m too")
    args = ap.parse_args()
    args.sizes = args.sizes or list(SIZES)
    for size in args.sizes:
        if size not in SIZES:
            ap.error(f"unknown size {size}: choose from {', '.join(SIZES)}")
    work, bench = prepare(args)
    print(f"rapport {subprocess.run([str(ROOT / 'target/release/rapport'), '--version'], capture_output=True, text=True).stdout.strip()}, "
          f"{os.cpu_count()} cores")
    summary = {}
    for size in args.sizes:
        measure(size, work, bench, args, summary)
    ex = example(work)
    print(f"\nexample in surveys/: {ex:.3f} s (best of 3)")
    print("\n### targets\n")
    if "1m" in summary:
        s = summary["1m"]
        rss = s["results"]["rapport build (no cache)"][1]
        print(f"- 1m full build within 1.5x of the fastest ceiling: {s['full'] / s['fastest']:.2f}x "
              f"({'met' if s['full'] <= 1.5 * s['fastest'] else 'NOT met'})")
        print(f"- 1m peak memory at most 128 MiB: {rss:.0f} MiB ({'met' if rss <= 128 else 'NOT met'})")
    if "100k" in summary and "peer (PyYAML + pandas + matplotlib)" in summary["100k"]["results"]:
        s = summary["100k"]
        ratio = s["results"]["peer (PyYAML + pandas + matplotlib)"][0] / s["full"]
        print(f"- 100k at least 25x faster than the peer: {ratio:.1f}x ({'met' if ratio >= 25 else 'NOT met'})")
    for size, s in summary.items():
        one = s["results"]["rapport rebuild, 1 file changed"][0] / s["full"]
        none = s["results"]["rapport rebuild, nothing changed"][0] / s["full"]
        if size == "1m":
            print(f"- {size} one changed file at most 5% of a full build: {one:.1%} ({'met' if one <= 0.05 else 'NOT met'})")
            print(f"- {size} nothing changed at most 3%: {none:.1%} ({'met' if none <= 0.03 else 'NOT met'})")
    print(f"- example under 0.3 s: {ex:.3f} s ({'met' if ex < 0.3 else 'NOT met'})")


if __name__ == "__main__":
    main()
