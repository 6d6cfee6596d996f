"""Every exported script pins what the server pins, so it prints the page's digits on a machine with more threads.

The scripts' outputs are compared with the pages' numbers, run on 2 threads (``codegen.run(..., threads=2)``), in
tests/test_activations.py, test_init.py and test_dropout.py (their code-export tests).
"""

import importlib

import pytest

from nnviz import codegen

# each topic's settings table (the page's defaults are what its script is exported with)
SETTINGS_OF = {"perceptron": "nnviz.perceptron", "xor": "nnviz.xor", "backprop": "nnviz.backprop",
               "activations": "nnviz.gradients", "init": "nnviz.init", "dropout": "nnviz.dropout",
               "playground": "nnviz.playground"}

PIN = ("torch.set_num_threads(1)", "torch.use_deterministic_algorithms(True)", "torch.set_default_dtype(torch.float32)")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("topic", SETTINGS_OF)
def test_every_script_pins_threads_determinism_and_dtype_before_any_computation(topic, lang):
    values = importlib.import_module(SETTINGS_OF[topic]).SETTINGS.defaults()
    src = codegen.script(topic, values, lang)
    compile(src, f"<{topic}>", "exec")
    lines = src.splitlines()
    at = [lines.index(p) for p in PIN]
    assert at == sorted(at) and at[-1] - at[0] == 2  # together, in this order
    first_code = next(i for i, ln in enumerate(lines) if ln and not ln.startswith(("#", "import", "from")))
    assert first_code == at[0]  # the first statement after the imports
    assert codegen.pin(lang).splitlines()[0] in src  # the comment says why, in the page's language


def test_run_with_threads_sets_both_thread_counts_before_the_script():
    out = codegen.run("import os, torch\nprint(os.environ['OMP_NUM_THREADS'], torch.get_num_threads())", threads=2)
    assert out.split() == ["2", "2"]
