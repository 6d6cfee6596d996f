"""Seconds per training call of the three lessons that compare nets (/activations, /init, /dropout).

    python -m bench.lessons [--repeat 3]

Each call runs on one intra-op thread, as the app does; "default" is the page's default settings,
"unseen seed" the same with seeds 4242, 4243, … (each call a seed not seen before: the data split is drawn
and cached anew). One warm-up call first. ``init_one_by_one`` is what /init ran before its schemes were
stacked (nnviz.init.train one scheme after another), for comparison.
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


def _init_runs(seed: int):
    v = {**I.SETTINGS.defaults(), "seed": seed}
    schemes = [v["scheme"]] + [r for r in I.REFERENCES if r != v["scheme"]]
    todo = tuple((s, tuple(sorted(I.relevant(s, v).items()))) for s in schemes)
    return todo, v


def _init_call(seed: int):
    """What the page calls: the schemes stacked (nnviz.init.train_many)."""
    todo, v = _init_runs(seed)
    return I.train_many(todo, v["activation"], v["depth"], v["width"], v["steps"], v["lr"], seed)


def _init_one_by_one(seed: int):
    """What the page called before: nnviz.init.train for one scheme after another."""
    todo, v = _init_runs(seed)
    return [I.train(s, v["activation"], v["depth"], v["width"], v["steps"], v["lr"], seed, **dict(a)) for s, a in todo]


CALLS = {
    "activations": lambda seed: G.train(**{**{k: v for k, v in G.SETTINGS.defaults().items()
                                               if k not in ("view", "paper")}, "seed": seed}),
    "init": _init_call,
    "init_one_by_one": _init_one_by_one,
    "dropout": lambda seed: D.overfit_experiment(**{k: v for k, v in D.SETTINGS.defaults().items()
                                                    if k in ("n", "noise", "hidden", "p", "lr", "epochs",
                                                             "seed", "optimizer")} | {"seed": seed}),
}


def run(repeat: int = 3, lessons=tuple(CALLS)) -> dict:
    out = {}
    for name in lessons:
        fn = CALLS[name]
        d = G.SETTINGS.defaults() if name == "activations" else (
            I.SETTINGS.defaults() if name.startswith("init") else D.SETTINGS.defaults())
        for label, seed in (("default", d["seed"]), ("unseen seed", UNSEEN)):
            times, cpu = [], []
            with one_thread():
                fn(d["seed"])  # imports, data loading, first-call set-up: outside the timings
                for k in range(repeat):
                    t0, c0 = time.perf_counter(), time.process_time()
                    fn(seed + (k if label == "unseen seed" else 0))
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
            out[(name, label)] = times
            # CPU time of this process: on a shared machine less disturbed by the others than wall time
            print(f"{name:16s} {label:12s} median {statistics.median(times):.3f} s wall, "
                  f"{statistics.median(cpu):.3f} s cpu  ({', '.join(f'{t:.3f}' for t in times)})", flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("lessons", nargs="*", default=list(CALLS))
    a = ap.parse_args()
    run(a.repeat, a.lessons)
