#!/usr/bin/env python3
"""Annotate a gold folder with the release CLI and score it with score.py.

usage: scripts/evaluate.py GOLD_DIR [--keep DIR] [score.py options...]

Each gold document's text is written to a file and annotated with its own
`dct` as --reference-date (documents without a dct get none), with code-point
offsets, exactly as an outside checker would run the CLI. Needs
`cargo build --release` first (the Makefile's `eval` target does it).
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def find_shared():
    """The shared/ folder beside the clone (or beside any parent, for worktrees)."""
    for d in [ROOT, *ROOT.parents]:
        if (d.parent / "shared" / "eval" / "score.py").exists():
            return d.parent / "shared"
    sys.exit("no ../shared/eval/score.py found beside this clone")


def main(argv):
    if not argv:
        sys.exit(__doc__)
    gold = pathlib.Path(argv[0])
    rest = argv[1:]
    keep = None
    if "--keep" in rest:
        i = rest.index("--keep")
        keep = pathlib.Path(rest[i + 1])
        del rest[i:i + 2]
    exe = ROOT / "target" / "release" / "newslens"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        out = keep or tmp / "sys"
        groups = {}
        stems = {}
        for f in sorted(gold.rglob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            if "text" not in d:
                continue
            # One output file per stem: a second would replace the first's.
            if f.stem in stems:
                sys.exit(f"{stems[f.stem]} and {f} have one name; the output would mix them")
            stems[f.stem] = f
            dct = (d.get("dct") or "")[:10]
            p = tmp / "txt" / (dct or "none") / (f.stem + ".txt")
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(d["text"], encoding="utf-8")
            groups.setdefault(dct, []).append(str(p))
        for dct, files in sorted(groups.items()):
            cmd = [str(exe), "annotate", "--offsets", "codepoint", "--out", str(out)]
            if dct:
                cmd += ["--reference-date", dct]
            for i in range(0, len(files), 200):
                subprocess.run(cmd + files[i:i + 200], check=True)
        score = find_shared() / "eval" / "score.py"
        subprocess.run([sys.executable, str(score), str(gold), str(out)] + rest, check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
