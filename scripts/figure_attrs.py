#!/usr/bin/env python3
"""Accuracy of figure attributes against a gold folder, on exact span matches.

usage: scripts/evaluate.py GOLD_DIR --labels figure --keep OUT
       scripts/figure_attrs.py GOLD_DIR OUT [--show]

For each gold figure matched exactly (same start and end) by a system figure,
compares value, approx, counts and source (absent = empty) and prints the
accuracy of each; --show also lists the differences. score.py scores spans
and values only; this adds the hedge, counted-thing and source attributes.
"""
import json
import pathlib
import sys


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    gold, out = pathlib.Path(argv[0]), pathlib.Path(argv[1])
    show = "--show" in argv
    keys = ["value", "approx", "counts", "source"]
    ok = dict.fromkeys(keys, 0)
    matched = total = 0
    for f in sorted(gold.rglob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        s_path = out / f.name
        sys_spans = []
        if s_path.exists():
            sys_spans = json.loads(s_path.read_text(encoding="utf-8"))["spans"]
        by_pos = {(x["start"], x["end"]): x for x in sys_spans if x["label"] == "figure"}
        for x in g["spans"]:
            if x["label"] != "figure":
                continue
            total += 1
            y = by_pos.get((x["start"], x["end"]))
            if y is None:
                continue
            matched += 1
            for k in keys:
                if (x.get(k) or "") == (y.get(k) or ""):
                    ok[k] += 1
                elif show:
                    print(f"{f.stem}: {x.get('text')!r} {k}: gold={x.get(k)!r} system={y.get(k)!r}")
    print(f"gold figures {total}, matched exactly {matched}")
    for k in keys:
        print(f"  {k:7} accuracy {100 * ok[k] / max(matched, 1):6.2f} ({ok[k]}/{matched})")


if __name__ == "__main__":
    main(sys.argv[1:])
