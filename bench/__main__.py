"""Run every benchmark, print a table and write bench/results.md (figures measured in one run).

    python -m bench [--skip-classload]   (the class-load benchmark is the slow part: bench/classload.py)
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import platform
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent

NOTES = "## What was changed, before and after"  # results.md from here on is written by hand

BUDGETS = {
    "first_render_s": ("every page, first render at default settings (cold cache)", 3.0),
    "rerun_new_seed_s": ("rerun after a widget change to a new value (recompute)", 0.5),
    "rerun_cached_median_s": ("rerun after a widget change to a seen value, median", 0.5),
    "heaviest_s": ("the heaviest allowed setting (cold cache)", 5.0),
}


def _row(name, measured, budget, better="low"):
    ok = measured <= budget if better == "low" else measured >= budget
    cmp = "≤" if better == "low" else "≥"
    row = f"| {name} | {cmp} {budget:g} | {measured:.3g} | {'✅' if ok else '❌'} |"
    print(row, flush=True)  # as it comes: a long run shows progress, a failure keeps what was measured
    return row


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--skip-classload", action="store_true", help="skip the class-load benchmark (N sessions at once)")
    args = ap.parse_args(argv)
    rows = []
    try:
        xor = importlib.import_module("bench.xor_sweep").run()
        rows.append(_row("XOR seed sweep: batched vs one-seed loop, net-steps/s ratio", xor["ratio"], 100, "high"))
        rows.append(_row("XOR seed sweep: 1,000 seeds × 5,000 steps of 2-2-1 (s)", xor["sweep_1000x5000_s"], 3.0))
    except ModuleNotFoundError:
        pass
    from bench import pages, server

    for fig in pages.run():
        for key, (what, budget) in BUDGETS.items():
            rows.append(_row(f"{fig['page']}: {what} (s)", fig[key], budget))
    try:
        srv = server.run()
    except Exception as e:  # a browser hiccup must not lose the figures measured so far
        rows.append(f"| server figures | — | failed: {type(e).__name__} | ❌ |")
        srv = None
    if srv:
        rows.append(_row("server start → first page rendered in Chromium (s)", srv["server_start_to_first_page_s"], 8))
        rows.append(_row("server memory after visiting every page (MB)", srv["rss_after_every_page_mb"], 600))
        rows.append(_row("memory per additional concurrent session (MB)", srv["rss_per_extra_session_mb"], 30))
        for slug in server.ANIMATED:
            rows.append(_row(f"training animation (play) on /{slug}, frames shown in the browser (frames/s)",
                             srv[f"animation_fps_{slug}"], 10, "high"))

    head = (f"# Benchmark results\n\nMeasured {datetime.date.today()} on {os.cpu_count()} cores "
            f"({platform.machine()}, Python {platform.python_version()}, torch {torch.__version__}), "
            f"by `python -m bench`. Speed-ups are ratios measured within one run; absolute times vary "
            f"on this shared machine.\n\n| figure | budget | measured | ok |\n|---|---|---|---|\n")
    text = head + "\n".join(rows) + "\n"
    print(text)
    # The hand-written part (what was changed, before and after, and the exceptions) is kept.
    out = HERE / "results.md"
    old = out.read_text() if out.exists() else ""
    kept = old.partition(NOTES)[2] if NOTES in old else ""
    new = text + (f"\n{NOTES}{kept}" if kept else "")
    from bench import classload

    if not classload.section_of(new) and classload.section_of(old):  # a skipped class load keeps its last figures
        new = classload.replace_section(new, classload.section_of(old))
    out.write_text(new)
    if not args.skip_classload:
        classload.run(["--out", str(out)])


if __name__ == "__main__":
    main()
