"""Server-side render of /activations, /init and /dropout after a change to an unseen seed (AppTest, one
process, the app's own one-thread setting): what a learner waits for when the lesson has to retrain.

    python -m bench.lesson_pages [--seeds 3] [pages …]

Opens each page once (cold), then moves the seed to values no cache has seen (5001, 5002, …) and times
each rerun; prints the median.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.pages import _seed_rerun, _timed
from conftest import assert_clean, open_page

PAGES = ("activations", "init", "dropout")


def run(pages=PAGES, seeds: int = 3) -> dict[str, list[float]]:
    open_page(None)  # import torch, streamlit and nnviz once, outside the timings
    out = {}
    for slug in pages:
        at, _ = _timed(lambda: open_page(slug, timeout=300))
        assert_clean(at)
        at._slug = slug
        wall, cpu = [], []
        for k in range(seeds):
            c0 = time.process_time()
            wall.append(_seed_rerun(at, 5001 + k))
            cpu.append(time.process_time() - c0)  # this process's CPU: less disturbed by a busy machine
        out[slug] = wall
        print(f"/{slug:12s} unseen seed: median {statistics.median(wall):.3f} s wall, "
              f"{statistics.median(cpu):.3f} s cpu  ({', '.join(f'{t:.3f}' for t in wall)})", flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(prog="python -m bench.lesson_pages")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("pages", nargs="*", default=list(PAGES))
    a = ap.parse_args()
    run(a.pages, a.seeds)
