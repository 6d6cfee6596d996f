"""nnviz as an installable library: its declared dependencies agree with the app's pins, the core imports
without the app's extra (and the extra's modules say how to get it), the wheel holds the package alone, it
installs into a fresh venv and runs a docs example there, and mypy passes over nnviz/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import zipfile
from email.parser import Parser

import pytest
from conftest import ROOT, open_page, texts
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

import nnviz

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EXTRA_HINT = 'pip install "nnviz[app]"'
APP_ONLY = ("altair", "streamlit")  # the app extra
CORE_EXAMPLE = re.findall(r"```python\n(from nnviz import perceptron\n.*?)```", (ROOT / "docs" / "library.md").read_text(),
                          re.S)[0]  # docs/library.md's perceptron block: the core alone


def _requirements(lines: list[str]) -> dict[str, SpecifierSet]:
    reqs = [Requirement(line) for line in (x.split("#")[0].strip() for x in lines) if line and not line.startswith("-")]
    return {r.name.lower(): r.specifier for r in reqs}


def _probes(*specs: SpecifierSet) -> list[Version]:
    """Versions on, just below and just above every bound the specifiers name (between bounds every
    specifier answers alike), plus a very old and a very new one."""
    probes = {Version("0.0.1"), Version("9999")}
    for spec in specs:
        for s in spec:
            v = Version(s.version)
            rel = list(v.release)
            i = max((k for k, x in enumerate(rel) if x), default=0)
            below = [*rel[:i], rel[i] - 1, 99999] if rel[i] else None
            probes |= {v, Version(".".join(map(str, [*rel, 0, 0, 1])))}
            if below:
                probes.add(Version(".".join(map(str, below))))
    return sorted(probes)


PINNED = _requirements((ROOT / "requirements.txt").read_text().splitlines())
DECLARED = _requirements(PROJECT["dependencies"] + PROJECT["optional-dependencies"]["app"])


def test_the_package_declares_what_requirements_txt_installs():
    assert set(DECLARED) == set(PINNED)
    assert {Requirement(r).name for r in PROJECT["optional-dependencies"]["app"]} == set(APP_ONLY)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_every_version_requirements_txt_allows_the_package_allows(name):
    pinned, declared = PINNED[name], DECLARED[name]
    allowed = [v for v in _probes(pinned, declared) if v in pinned]
    assert allowed, f"requirements.txt allows no version of {name}"
    assert [str(v) for v in allowed if v not in declared] == [], f"{name}: {declared} is narrower than {pinned}"


def test_torch_range_keeps_the_pinned_cpu_build():
    # On these machines the CPU wheel 2.13.0 is local; a range open above 2.13 would let pip pull a CUDA 2.14+.
    assert str(PINNED["torch"]) == "==2.13.0"
    torch_range = DECLARED["torch"]
    assert Version("2.13.0") in torch_range and Version("2.13.0+cpu") in torch_range
    assert Version("2.14.0") not in torch_range


def test_version_is_pyprojects():
    assert nnviz.__version__ == PROJECT["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", nnviz.__version__)


def test_about_box_shows_the_version():
    at = open_page()
    assert f"nnviz {nnviz.__version__} " in texts(at)


def _python(code: str, python: str = sys.executable, blocked: tuple[str, ...] = (), **kw) -> subprocess.CompletedProcess:
    """Run ``code`` in a new interpreter, where importing any of ``blocked`` fails as if it were not installed."""
    block = f"import sys\nfor m in {blocked!r}:\n    sys.modules[m] = None\n"
    return subprocess.run([python, "-c", block + textwrap.dedent(code)], capture_output=True, text=True, timeout=300,
                          **kw)


def test_core_imports_without_streamlit_or_altair():
    done = _python("""
        import importlib, pkgutil, nnviz
        core = [m.name for m in pkgutil.walk_packages(nnviz.__path__, "nnviz.")
                if not m.name.startswith(("nnviz.charts", "nnviz.ui"))]
        for name in core:
            importlib.import_module(name)
        print(len(core), sorted(core))
    """, blocked=APP_ONLY, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    for name in ("perceptron", "xor", "backprop", "init", "dropout", "gradients", "activations", "frames", "data",
                 "params", "i18n", "codegen", "glossary"):
        assert f"'nnviz.{name}'" in done.stdout


@pytest.mark.parametrize(("module", "missing"), [("nnviz.charts", "altair"), ("nnviz.ui", "streamlit"),
                                                  ("nnviz.ui", "altair")])
def test_app_modules_without_their_extra_say_how_to_install_it(module, missing):
    done = _python(f"import {module}", blocked=(missing,), cwd=ROOT)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: ") and missing in last and EXTRA_HINT in last, last


# --- the built package (slow: builds, creates a venv, installs torch into it) -----------------------------
@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,), (sdist,) = out.glob("*.whl"), out.glob("*.tar.gz")
    return wheel, sdist


def _package_files() -> set[str]:
    """nnviz/'s files under version control (what a clone has), but no bytecode."""
    listed = subprocess.run(["git", "ls-files", "nnviz"], cwd=ROOT, capture_output=True, text=True, check=True)
    files = set(listed.stdout.split())
    assert "nnviz/ui/player.js" in files, "not a git checkout"
    return files | {"nnviz/py.typed"}


@pytest.mark.slow
def test_wheel_holds_the_package_its_data_and_nothing_else(dist):
    wheel, _ = dist
    assert wheel.name == f"nnviz-{PROJECT['version']}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    info = f"nnviz-{PROJECT['version']}.dist-info/"
    assert {n for n in names if not n.startswith(info)} == _package_files()
    for data in ("nnviz/ui/player.js", "nnviz/ui/player.css", "nnviz/py.typed", "nnviz/strings/common.py"):
        assert data in names
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read(info + "METADATA").decode())
    assert meta["Requires-Python"] == PROJECT["requires-python"]
    requires = {str(Requirement(r)) for r in meta.get_all("Requires-Dist")}
    assert {str(Requirement(r)) for r in PROJECT["dependencies"]} <= requires
    assert {str(Requirement(f'{r}; extra == "app"')) for r in PROJECT["optional-dependencies"]["app"]} <= requires


@pytest.mark.slow
def test_sdist_holds_the_package_and_no_app_or_tests(dist):
    _, sdist = dist
    top = f"nnviz-{PROJECT['version']}/"
    names = {n.removeprefix(top) for n in tarfile.open(sdist).getnames()}
    assert _package_files() <= names
    assert not [n for n in names if n.split("/")[0] in ("pages", "bench", "tests", "app.py", "scripts")]


@pytest.mark.slow
def test_wheel_installs_without_the_app_extra_and_runs_the_docs_example(dist, tmp_path):
    wheel, _ = dist
    venv = tmp_path / "venv"
    # The same pip configuration as the machine's (its local CPU torch wheel); nothing from this source tree.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / "bin" / "python")
    done = subprocess.run([python, "-m", "pip", "install", "-q", "--no-compile", str(wheel)],
                          capture_output=True, text=True, timeout=900, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    installed = subprocess.run([python, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True,
                               env=env, check=True).stdout.lower()
    assert not [m for m in APP_ONLY if f"\n{m}==" in "\n" + installed]
    assert "\nnvidia-" not in "\n" + installed  # a CPU torch: no CUDA libraries pulled in
    run = _python(f"""
        import math, nnviz, torch
        assert {str(ROOT)!r} not in nnviz.__file__, nnviz.__file__
        print("version", nnviz.__version__, "torch", torch.__version__)
        from nnviz import perceptron
        print("xor", perceptron.train("xor").final_loss, math.log(2))
    """, python, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    version, torch_version = re.search(r"version (\S+) torch (\S+)", run.stdout).groups()
    assert version == PROJECT["version"]
    assert torch_version.split("+")[0] == "2.13.0"
    loss, ln2 = map(float, re.search(r"xor (\S+) (\S+)", run.stdout).groups())
    assert loss == pytest.approx(ln2, abs=1e-6)
    example = _python(CORE_EXAMPLE, python, env=env, cwd=tmp_path)
    assert example.returncode == 0, example.stderr
    assert example.stdout.splitlines()[:2] == ["0.6931", "True"]
    for module in ("nnviz.charts", "nnviz.ui"):
        failed = _python(f"import {module}", python, env=env, cwd=tmp_path)
        assert failed.returncode == 1 and EXTRA_HINT in failed.stderr, failed.stderr


@pytest.mark.slow
def test_mypy_passes_over_nnviz():
    # Configured in pyproject.toml; the cache (.mypy_cache) makes later runs take seconds.
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    assert re.search(r"Success: no issues found in \d+ source files", done.stdout)
