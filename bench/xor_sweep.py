"""The XOR page's seed sweep: batched tensor program vs the one-seed-at-a-time loop, measured in one run.

`python -m bench.xor_sweep` prints the figures; `run()` returns them for `python -m bench`.

- ``loop_net_steps_per_s``: the tutorial's loop (nn.Sequential, nn.BCELoss, torch.optim.SGD,
  autograd) on one seed at a time, timed over a few seeds;
- ``sweep_1000x5000_s``: ``nnviz.xor.seed_sweep(1000)`` — 1,000 seeds × 5,000 steps of 2-2-1, SGD lr 1,
  including the seeds' initialisation and the bookkeeping;
- ``vmap_net_steps_per_s``: the same nets through ``torch.func`` (``stack_module_state`` + ``vmap`` of
  ``grad``, SGD by hand): the other batched path nnviz.engine could take; it stays TorchScript while
  this one is slower;
- ``ratio``: net-steps per second of the sweep over the loop's, both measured here and now (the
  machine is shared, so only ratios from one run are comparable);
- ``still_stuck_after_70000``: the seeds that did not solve XOR in 5,000 steps, trained again to
  70,000 steps — how many of those at ln 2 / 2 are still there (a real local minimum, not slow training).
"""

from __future__ import annotations

import copy
import os
import time

import torch
from torch import nn

from nnviz import engine, xor
from nnviz.data import logic_gate


def loop_net_steps_per_s(seeds=(0, 1, 2), steps: int = 1000) -> float:
    """Net-steps per second of the plain loop, one seed after another."""
    X, y = logic_gate("xor")
    t0 = time.perf_counter()
    for s in seeds:
        torch.manual_seed(s)
        model = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1), nn.Sigmoid())
        opt = torch.optim.SGD(model.parameters(), lr=1.0)
        crit = nn.BCELoss()
        for _ in range(steps):
            opt.zero_grad()
            loss = crit(model(X), y)
            loss.backward()
            opt.step()
    return len(seeds) * steps / (time.perf_counter() - t0)


def vmap_net_steps_per_s(n_nets: int = 1000, steps: int = 300) -> float:
    """Net-steps per second of ``n_nets`` 2-2-1 nets trained at once with torch.func (vmap of grad)."""
    X, y = logic_gate("xor")
    models = []
    for s in range(n_nets):
        torch.manual_seed(s)
        models.append(xor.build())
    params, buffers = torch.func.stack_module_state(models)
    base = copy.deepcopy(models[0]).to("meta")

    def loss(p, b):
        return nn.functional.binary_cross_entropy(torch.func.functional_call(base, (p, b), (X,)), y)

    step = torch.func.vmap(torch.func.grad(loss))
    t0 = time.perf_counter()
    for _ in range(steps):
        grads = step(params, buffers)
        params = {k: v - 1.0 * grads[k] for k, v in params.items()}
    return n_nets * steps / (time.perf_counter() - t0)


def long_run(seeds: list[int], steps: int = 70_000) -> engine.Trace:
    """Train ``seeds`` (2-2-1, SGD lr 1) for ``steps`` steps in one batch (beyond the page's step limit)."""
    return engine.trace(xor.model.batch(seeds, 2, 1, "sigmoid", "sgd", 1.0), steps, solved_below=xor.SOLVED_BELOW)


def run(n_seeds: int = 1000, steps: int = 5000) -> dict:
    """Measure both ways in this process and return the figures."""
    xor.seed_sweep(10, steps=100)  # warm-up: first-call costs are not the sweep's
    loop = loop_net_steps_per_s()
    t0 = time.perf_counter()
    table = xor.seed_sweep(n_seeds, steps=steps)
    sweep_s = time.perf_counter() - t0
    loop_after = loop_net_steps_per_s()  # bracket the sweep: the machine's load drifts
    loop_mean = (loop + loop_after) / 2
    vmap = vmap_net_steps_per_s(n_seeds)
    batched = n_seeds * steps / sweep_s
    half = table[table["outcome"] == "half_ln2"]["seed"].tolist()
    t0 = time.perf_counter()
    again = long_run(half)
    long_s = time.perf_counter() - t0
    still = sum(xor.outcome(float(f)) == "half_ln2" for f in again.final_loss)
    return {
        "cores": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "loop_net_steps_per_s": loop_mean,
        "batched_net_steps_per_s": batched,
        "vmap_net_steps_per_s": vmap,
        "ratio": batched / loop_mean,
        "sweep_1000x5000_s": sweep_s,
        "loop_1000x5000_s_estimated": n_seeds * steps / loop_mean,
        "solved": int(table["solved"].sum()),
        "stuck_half_ln2": int((table["outcome"] == "half_ln2").sum()),
        "n_seeds": n_seeds,
        "steps": steps,
        "still_stuck_after_70000": still,
        "long_run_s": long_s,
        "long_run_loss_range": (float(again.final_loss.min()), float(again.final_loss.max())),
    }


def main() -> None:
    r = run()
    print(f"XOR seed sweep, 2-2-1 sigmoid, SGD lr 1 ({r['cores']} cores, torch threads {r['torch_threads']})")
    print(f"  one-seed loop      {r['loop_net_steps_per_s']:>12,.0f} net-steps/s "
          f"(1,000 × 5,000 would take ≈ {r['loop_1000x5000_s_estimated']:,.0f} s)")
    print(f"  batched sweep      {r['batched_net_steps_per_s']:>12,.0f} net-steps/s")
    print(f"  torch.func vmap    {r['vmap_net_steps_per_s']:>12,.0f} net-steps/s (same {r['n_seeds']:,} nets at once)")
    print(f"  ratio              {r['ratio']:>12,.0f} ×   (goal ≥ 100 ×)")
    print(f"  {r['n_seeds']:,} seeds × {r['steps']:,} steps: {r['sweep_1000x5000_s']:.2f} s   (goal ≈ 3 s)")
    print(f"  solved {r['solved']} of {r['n_seeds']} (loss < {xor.SOLVED_BELOW}); "
          f"{r['stuck_half_ln2']} stuck at ln 2 / 2")
    lo, hi = r["long_run_loss_range"]
    print(f"  those {r['stuck_half_ln2']} trained to 70,000 steps: {r['still_stuck_after_70000']} still at ln 2 / 2 "
          f"(loss {lo:.5f} … {hi:.5f}; ln 2 / 2 = {xor.PLATEAUS['half_ln2']:.5f}; {r['long_run_s']:.1f} s)")


if __name__ == "__main__":
    main()
