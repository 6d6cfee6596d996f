"""Seconds per training call of the three lessons that compare nets (/activations, /init, /dropout).

    python -m bench.lessons [--repeat 3]

Each call runs on one intra-op thread, as the app does; "default" is the page's default settings,
"unseen seed" the same with seed 4242 (no lru_cache of the data for that seed yet on the first call).
"""

from __future__ import annotations

import argparse
import statistics
import time

from nnviz import dropout as D
from nnviz import gradients as G
from nnviz import init as I
from nnviz.engine import one_thread

UNSEEN = 4242


def _init_call(seed: int):
    v = {**I.SETTINGS.defaults(), "seed": seed}
    schemes = [v["scheme"]] + [r for r in I.REFERENCES if r != v["scheme"]]
    todo = tuple((s, tuple(sorted(I.relevant(s, v).items()))) for s in schemes)
    return I.train_many(todo, v["activation"], v["depth"], v["width"], v["steps"], v["lr"], seed)


CALLS = {
    "activations": lambda seed: G.train(**{**{k: v for k, v in G.SETTINGS.defaults().items()
                                               if k not in ("view", "paper")}, "seed": seed}),
    "init": _init_call,
    "dropout": lambda seed: D.overfit_experiment(**{k: v for k, v in D.SETTINGS.defaults().items()
                                                    if k in ("n", "noise", "hidden", "p", "lr", "epochs",
                                                             "seed", "optimizer")} | {"seed": seed}),
}


def run(repeat: int = 3, lessons=tuple(CALLS)) -> dict:
    out = {}
    for name in lessons:
        fn = CALLS[name]
        d = G.SETTINGS.defaults() if name == "activations" else (
            I.SETTINGS.defaults() if name == "init" else D.SETTINGS.defaults())
        for label, seed in (("default", d["seed"]), ("unseen seed", UNSEEN)):
            times = []
            for k in range(repeat):
                t0 = time.perf_counter()
                with one_thread():
                    fn(seed + (k if label == "unseen seed" else 0))
                times.append(time.perf_counter() - t0)
            out[(name, label)] = times
            print(f"{name:12s} {label:12s} median {statistics.median(times):.3f} s  "
                  f"({', '.join(f'{t:.3f}' for t in times)})", flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("lessons", nargs="*", default=list(CALLS))
    a = ap.parse_args()
    run(a.repeat, a.lessons)
