#!/usr/bin/env python3
"""The release CLI over news text: speed on ~20 MB, and peak memory.

    python3 bench/cli_bench.py [--bin target/release/newslens] [--runs 5]

Questions:
  1. Does the native CLI annotate >= 20 MB/s on ~20 MB of news (bench/news.txt
     five times over)? The CLI's time includes reading and decoding the file,
     every lens, code-point offsets and writing the JSON (to /dev/null). It
     reads a long text's windows on one thread per core (at most 8); the same
     file with --threads 1 gives the speed of one core.
  2. Is peak memory (max RSS) <= 10x the input, and does it grow linearly
     (1 MB vs 8 MB, the 8 MB being the 1 MB eight times, as in tests/scaling.rs)?
  3. A folder of articles (bench/news.txt cut at paragraph breaks into ~2.5 KB
     files, as node-bench.mjs cuts it) in one call with --out: how fast, on
     one thread per core (files shared out) and on one thread?

Each run goes through /usr/bin/time; we print the median and the spread.
Wall time is what a user waits; user+sys is the CPU the process used, which
is the steadier figure on a shared machine.
"""

import argparse
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")


def make_inputs():
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(ROOT, "bench", "news.txt"), encoding="utf-8") as f:
        news = f.read()
    # 1 MB: the longest prefix ending at a paragraph break (as tests/scaling.rs).
    cut = news.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    one = cut[: cut.rfind("\n\n")]
    files = {
        "1mb": one,
        "8mb": "\n\n".join([one] * 8),
        "20mb": "\n\n".join([news] * 5),
    }
    paths = {}
    for name, text in files.items():
        path = os.path.join(WORK, f"news-{name}.txt")
        data = text.encode("utf-8")
        if not os.path.exists(path) or os.path.getsize(path) != len(data):
            with open(path, "wb") as f:
                f.write(data)
        paths[name] = (path, len(data))
    return paths


def make_articles(size=2500):
    """bench/news.txt as article-sized files in target/bench/articles/."""
    with open(os.path.join(ROOT, "bench", "news.txt"), encoding="utf-8") as f:
        news = f.read()
    pieces, cur = [], ""
    for para in news.split("\n\n"):
        cur = f"{cur}\n\n{para}" if cur else para
        if len(cur.encode("utf-8")) >= size:
            pieces.append(cur)
            cur = ""
    if cur:
        pieces.append(cur)
    folder = os.path.join(WORK, "articles")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for k, text in enumerate(pieces):
        path = os.path.join(folder, f"a{k:05d}.txt")
        data = text.encode("utf-8")
        if not os.path.exists(path) or os.path.getsize(path) != len(data):
            with open(path, "wb") as f:
                f.write(data)
        paths.append(path)
    return paths, sum(len(p.encode("utf-8")) for p in pieces)


# Runs of each smaller file for the peak-memory figure.
MEMORY_RUNS = 9


def run(binary, path, *extra):
    """One CLI run under /usr/bin/time: (wall s, user+sys s, max RSS bytes)."""
    paths = path if isinstance(path, list) else [path]
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", binary, "annotate",
           "--reference-date", "2017-02-21", *extra, *paths]
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    wall, user, sys_, rss_kb = p.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(sys_), int(rss_kb) * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newslens"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big", choices=["1mb", "8mb", "20mb"], default="20mb",
                    help="input for the throughput figure (smaller when the core is slow)")
    args = ap.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("needs /usr/bin/time (Debian package `time`)")
    paths = make_inputs()

    print("[cli/throughput] Q1: native CLI, every lens, ~20 MB of news: >= 20 MB/s?")
    path, size = paths[args.big]
    big_size = size
    runs = [run(args.bin, path) for _ in range(args.runs)]
    walls = [r[0] for r in runs]
    cpus = [r[1] for r in runs]
    mb = size / 1e6
    print(f"  input {path}: {mb:.1f} MB; {args.runs} runs")
    print(f"  wall: median {statistics.median(walls):.2f} s = {mb / statistics.median(walls):.1f} MB/s "
          f"(runs {', '.join(f'{w:.2f}' for w in walls)} s)")
    print(f"  user+sys: median {statistics.median(cpus):.2f} s = {mb / statistics.median(cpus):.1f} MB/s "
          f"(runs {', '.join(f'{c:.2f}' for c in cpus)} s)")
    rss_big = [r[2] for r in runs]
    # The windows of a long text are read on one thread per core (DESIGN.md,
    # "Windows on several threads"); on one thread, the core's own speed.
    ones = [run(args.bin, path, "--threads", "1") for _ in range(args.runs)]
    one_wall = statistics.median(r[0] for r in ones)
    print(f"  one thread (--threads 1): wall median {one_wall:.2f} s = {mb / one_wall:.1f} MB/s "
          f"(runs {', '.join(f'{r[0]:.2f}' for r in ones)} s; "
          f"max RSS {max(r[2] for r in ones) / 1e6:.1f} MB); "
          f"{os.cpu_count()} cores here, {one_wall / statistics.median(walls):.2f}x from threads")

    print("\n[cli/memory] Q2: peak memory (max RSS) <= 10x input, growing linearly?")
    # A run's peak depends on how its two reading threads meet (a few
    # hundred KB from run to run on 1 MB): the median of several runs, and
    # their range. (The smaller files cost a fraction of a second a run.)
    rss = {}
    for name in ("1mb", "8mb"):
        if name == args.big:
            continue
        path, size = paths[name]
        r = [run(args.bin, path) for _ in range(max(MEMORY_RUNS, args.runs))]
        rss[name] = (size, [x[2] for x in r], statistics.median(x[1] for x in r))
    rss[args.big] = (big_size, rss_big, statistics.median(cpus))
    # What any run holds before the text counts (the program and its word
    # lists): the growth with the text is the rest.
    tiny = os.path.join(WORK, "news-line.txt")
    with open(tiny, "w", encoding="utf-8") as f:
        f.write("Iraqi forces entered Mosul on Monday.\n")
    floor = min(run(args.bin, tiny)[2] for _ in range(3))
    print(f"  start-up floor (a one-line file): max RSS {floor / 1e6:.1f} MB")
    for name, (size, peaks, cpu) in rss.items():
        peak = statistics.median(peaks)
        print(f"  {name:>4}: input {size / 1e6:6.2f} MB, max RSS median {peak / 1e6:7.2f} MB = "
              f"{peak / size:5.2f}x input (runs {min(peaks) / size:.2f}..{max(peaks) / size:.2f}x, "
              f"{len(peaks)} runs; {(peak - floor) / size:4.1f}x above the floor), "
              f"user+sys {cpu:.2f} s")
    if "1mb" in rss and "8mb" in rss:
        (s1, p1, c1), (s8, p8, c8) = rss["1mb"], rss["8mb"]
        p1, p8 = statistics.median(p1), statistics.median(p8)
        print(f"  8 MB vs 1 MB: RSS x{p8 / p1:.1f} for x{s8 / s1:.1f} input; "
              f"CPU time 8 MB / (8 x 1 MB) = {c8 / (8 * c1):.2f} (includes process start-up)")

    print("\n[cli/folder] Q3: a folder of article-sized files in one call (--out DIR)")
    files, size = make_articles()
    out = os.path.join(WORK, "articles-out")
    mb = size / 1e6
    print(f"  {len(files)} files, {mb:.1f} MB; {args.runs} runs each")
    for label, extra in (("one thread per core", []), ("one thread (--threads 1)", ["--threads", "1"])):
        r = [run(args.bin, files, "--out", out, *extra) for _ in range(args.runs)]
        wall = statistics.median(x[0] for x in r)
        print(f"  {label:<26} wall median {wall:.2f} s = {mb / wall:.1f} MB/s "
              f"(runs {', '.join(f'{x[0]:.2f}' for x in r)} s; "
              f"user+sys {statistics.median(x[1] for x in r):.2f} s; "
              f"max RSS {max(x[2] for x in r) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
