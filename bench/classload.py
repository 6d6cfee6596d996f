"""Class load: N sessions at once over Streamlit's own websocket protocol; p50/p95/max seconds and bytes each.

Scenarios, per lesson page and N:
  same  N sessions open the same link at once (cache warm for it: a teacher's shared link);
  seed  N sessions open at once, each with its own unseen seed (every session computes);
  move  N sessions already open all move to the same unseen seed at once ("set the seed to 7").
A session is timed from opening its websocket (for move: from sending the rerun) to the server's
script_finished. A session that fails (refused, timeout, exception on the page, page not found) is
counted in the errors column, never left out of the table silently.

    python -m bench.classload [--pages xor,init] [--n 1,10,30] [--scenarios same,seed,move]
                              [--url URL] [--out bench/results.md]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import datetime
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from nnviz.lessons import LESSONS

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.md"
SECTION = "## Class load"
PAGES = tuple(lesson.slug for lesson in LESSONS)
SCENARIOS = ("same", "seed", "move")
NS = (1, 10, 30)
MAX_SESSIONS = 60  # a bound on what one measurement opens; loopback only
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FIRST_SEED = 10_000  # unseen by default views and the tests; each measurement takes fresh ones


# --- messages ---------------------------------------------------------------------------------------------

def rerun_msg(page: str, query: str, cached_hashes: frozenset[str] = frozenset()) -> bytes:
    """The BackMsg a browser sends to run a page: its URL path as page_name, its query string.

    A browser names the page by its path (the script hash it does not know yet) and reports the
    big messages it already holds, so the server sends a reference instead of the message again.
    """
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    state.page_script_hash = ""
    state.cached_message_hashes.extend(sorted(cached_hashes))
    state.context_info.locale = "en-US"
    state.context_info.timezone = "UTC"
    return msg.SerializeToString()


@dataclass
class Tally:
    """What a session received during one script run."""

    bytes: int = 0
    elements: int = 0
    errors: list[str] = field(default_factory=list)
    status: str | None = None  # script_finished status once it came
    cacheable: set[str] = field(default_factory=set)
    downloads: list[str] = field(default_factory=list)  # st.download_button files (served by this process)
    exceptions: list[str] = field(default_factory=list)  # the page's exceptions, with their stack traces

    def add(self, data: bytes) -> ForwardMsg:
        """Count one websocket frame; note the signs of a broken page."""
        self.bytes += len(data)
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            self.cacheable.add(msg.hash)
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self.elements += 1
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                exc = element.exception
                self.errors.append(f"exception on the page: {exc.type}")
                self.exceptions.append(f"{exc.type}: {exc.message}\n" + "\n".join(exc.stack_trace))
            elif element.WhichOneof("type") == "download_button" and element.download_button.url:
                self.downloads.append(element.download_button.url)
        elif kind == "ref_hash":
            self.elements += 1  # an element the client already holds
        elif kind == "page_not_found":
            self.errors.append("page not found")
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
            if status != "FINISHED_EARLY_FOR_RERUN":  # another run follows: keep waiting for it
                self.status = status
                if status != "FINISHED_SUCCESSFULLY":
                    self.errors.append(status.lower())
        return msg

    @property
    def done(self) -> bool:
        return self.status is not None


# --- sessions ---------------------------------------------------------------------------------------------

def stream_url(url: str) -> str:
    """The websocket address of a server's session stream; refuses anything but loopback."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"classload: {url} is not on loopback (127.0.0.1); load tests stay on this machine")
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


@dataclass
class Result:
    seconds: float | None  # None: the session failed
    bytes: int
    error: str = ""


class Session:
    """One learner's tab: a websocket to the server, reruns on demand."""

    def __init__(self, url: str, page: str, timeout: float, cookies: str = ""):
        self.url, self.page, self.timeout, self.cookies = stream_url(url), page, timeout, cookies
        self.ws = None
        self.cached: set[str] = set()
        self.last = Tally()  # what the latest run received

    async def open(self, query: str) -> Result:
        import websockets

        t0 = time.perf_counter()
        try:
            headers = {"Cookie": self.cookies} if self.cookies else None
            # No keep-alive pings, as a browser: a busy server answers them late and the client would hang up.
            self.ws = await asyncio.wait_for(
                websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, ping_interval=None,
                                   additional_headers=headers, open_timeout=self.timeout),
                self.timeout)
        except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as e:
            return Result(None, 0, f"connect: {type(e).__name__}")
        return await self._run(query, t0)

    async def rerun(self, query: str) -> Result:
        if self.ws is None:
            return Result(None, 0, "not open")
        return await self._run(query, time.perf_counter())

    async def _run(self, query: str, t0: float) -> Result:
        import websockets

        tally = self.last = Tally()
        try:
            await self.ws.send(rerun_msg(self.page, query, frozenset(self.cached)))
            deadline = t0 + self.timeout
            while not tally.done:
                data = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.perf_counter()))
                if isinstance(data, bytes):
                    tally.add(data)
        except asyncio.TimeoutError:
            return Result(None, tally.bytes, f"timeout after {self.timeout:g} s")
        except websockets.WebSocketException as e:
            return Result(None, tally.bytes, f"closed: {type(e).__name__}")
        took = time.perf_counter() - t0
        self.cached |= tally.cacheable
        if tally.errors:
            for trace in tally.exceptions[:1]:  # what the table's errors column cannot hold
                print(f"/{self.page}?{query}: {trace}", file=sys.stderr, flush=True)
            return Result(None, tally.bytes, tally.errors[0])
        if tally.elements == 0:
            return Result(None, tally.bytes, "nothing rendered")
        return Result(took, tally.bytes)

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()


# --- scenarios --------------------------------------------------------------------------------------------

class Seeds:
    """Fresh seeds for one benchmark run, so 'unseen' really is unseen by the server's caches."""

    def __init__(self, first: int):
        self.next = first

    def take(self, n: int) -> list[int]:
        out = list(range(self.next, self.next + n))
        self.next += n
        return out


async def measure(url: str, page: str, scenario: str, n: int, seeds: Seeds, timeout: float) -> list[Result]:
    """One measurement: n sessions at once on a page; their results (failures included)."""
    if not 1 <= n <= MAX_SESSIONS:
        raise ValueError(f"n must be 1…{MAX_SESSIONS}, not {n}")
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {', '.join(SCENARIOS)}, not {scenario!r}")
    sessions = [Session(url, page, timeout) for _ in range(n)]
    try:
        if scenario == "same":
            return list(await asyncio.gather(*(s.open("lang=en") for s in sessions)))
        if scenario == "seed":
            return list(await asyncio.gather(*(s.open(f"lang=en&seed={k}") for s, k in zip(sessions, seeds.take(n)))))
        opened = await asyncio.gather(*(s.open("lang=en") for s in sessions))
        (seed,) = seeds.take(1)
        moved = await asyncio.gather(*(s.rerun(f"lang=en&seed={seed}") for s in sessions))
        # A session that could not open cannot move: its opening error is what it reports.
        return [m if o.seconds is not None else o for o, m in zip(opened, moved)]
    finally:
        await asyncio.gather(*(s.close() for s in sessions))


def nearest_rank(values: list[float], q: float) -> float:
    """The q-quantile by nearest rank (p95 of 10 values is the 10th): no interpolation between sessions."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass
class Row:
    page: str
    scenario: str
    n: int
    results: list[Result]

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.results if r.seconds is not None]

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.results if r.seconds is None]

    def stat(self, q: float) -> float | None:
        return nearest_rank(self.times, q) if self.times else None

    @property
    def kb(self) -> float:
        return statistics.fmean(r.bytes for r in self.results) / 1000 if self.results else 0.0

    def markdown(self) -> str:
        def s(v):
            return "–" if v is None else f"{v:.2f}"

        errs = self.errors
        err = f"{len(errs)} ({'; '.join(sorted(set(errs)))})" if errs else "0"
        return (f"| /{self.page} | {self.scenario} | {self.n} | {s(self.stat(0.5))} | {s(self.stat(0.95))} "
                f"| {s(self.stat(1.0))} | {self.kb:,.0f} | {err} |")


HEADER = ("| page | scenario | sessions | p50 s | p95 s | max s | KB per session | errors |\n"
          "|---|---|---|---|---|---|---|---|")


async def run_async(url: str, pages, ns, scenarios, timeout: float, budget_s: float, first_seed: int,
                    echo=print, warm_n: int = 1) -> list[Row]:
    seeds = Seeds(first_seed)
    rows: list[Row] = []
    t_end = time.perf_counter() + budget_s
    # Warm every page's default view first (a teacher has opened the links before the class does;
    # the server's one-time imports are over): behind a balancer, warm_n sessions at once reach
    # every process (leastconn).
    for page in pages:
        warm = Row(page, "first open", warm_n, await measure(url, page, "same", warm_n, seeds, timeout))
        echo(f"<!-- {warm.markdown()} -->")
    for page in pages:
        for scenario in scenarios:
            for n in ns:
                if time.perf_counter() > t_end:
                    echo(f"<!-- time budget of {budget_s:g} s spent: /{page} {scenario} {n} and later not run -->")
                    return rows
                row = Row(page, scenario, n, await measure(url, page, scenario, n, seeds, timeout))
                rows.append(row)
                echo(row.markdown())
    return rows


def section(rows: list[Row], where: str) -> str:
    """The markdown section this benchmark owns in results.md."""
    return (f"{SECTION}\n\nMeasured {datetime.date.today()} on {os.cpu_count()} cores by `python -m bench.classload` "
            f"against {where}: sessions speak Streamlit's websocket protocol (no browser), all at once; time = until "
            f"the server's script_finished; *same* = the same link (default view, warm), *seed* = each its own "
            f"unseen seed, *move* = open sessions all rerun to the same unseen seed. KB = bytes received by one "
            f"session in that run. The machine is shared: absolute times vary between runs.\n\n"
            f"{HEADER}\n" + "\n".join(r.markdown() for r in rows) + "\n")


def _bounds(lines: list[str], heading: str) -> tuple[int, int] | None:
    """Line range of the `heading` section: from its heading up to the next '## ' heading."""
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        return None
    return start, next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))


def section_of(text: str, heading: str = SECTION) -> str:
    """The `heading` section of a markdown text ('' if it has none)."""
    lines = text.splitlines(keepends=True)
    span = _bounds(lines, heading)
    return "".join(lines[span[0]:span[1]]).rstrip("\n") + "\n" if span else ""


def replace_section(text: str, new: str, heading: str = SECTION) -> str:
    """text with its `heading` section replaced by new, or new appended."""
    lines = text.splitlines(keepends=True)
    span = _bounds(lines, heading)
    if span is None:
        return text.rstrip("\n") + "\n\n" + new if text.strip() else new
    tail = "".join(lines[span[1]:])
    return "".join(lines[:span[0]]) + new + ("\n" + tail if tail else "")


# --- through scripts/serve.sh (HAProxy in front of several processes) -----------------------------------

class Served:
    """scripts/serve.sh running on loopback: its address, its log, the pids and ports it reported."""

    def __init__(self, processes: int, env: dict | None = None, start_timeout: float = 300):
        from tests.e2e.server import free_port

        self.processes = processes
        self.port, self.first = free_port(), free_port()
        while self.port in range(self.first, self.first + processes):  # process k listens on first + k - 1
            self.first = free_port()
        self.log = Path(tempfile.mkstemp(prefix="nnviz-serve-", suffix=".log")[1])
        self.env = {**os.environ, "PROCESSES": str(processes), "PORT": str(self.port), "ADDRESS": "127.0.0.1",
                    "BACKEND_PORT": str(self.first), "HAPROXY": "1", "PYTHON": sys.executable, **(env or {})}
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                     stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + start_timeout
        while "serve.sh: serving http" not in self.text():
            if self.proc.poll() is not None or time.time() > deadline:
                self.stop()
                raise RuntimeError(f"scripts/serve.sh did not start:\n{self.text()[-3000:]}")
            time.sleep(0.25)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def pids(self) -> dict[int, int]:
        """Process number → its latest pid, as serve.sh logged them."""
        return {int(k): int(pid) for k, pid in re.findall(r"serve\.sh: process (\d+): pid (\d+)", self.text())}

    @property
    def socket(self) -> str:
        return re.search(r"stats socket (\S+)", self.text()).group(1)

    def states(self) -> dict[str, str]:
        """HAProxy's view of each process: app1 → 'UP', 'DOWN', 'DOWN 1/2' … (from its stats socket)."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(self.socket)
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        rows = csv.DictReader(data.decode().lstrip("# ").splitlines())
        return {r["svname"]: r["status"] for r in rows if r["pxname"] == "streamlit" and r["svname"] != "BACKEND"}

    def stop(self) -> None:
        """SIGTERM, as a teacher's Ctrl-C: serve.sh stops everything it started."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(40)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: only what it started
                self.proc.wait(10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        self.log.unlink(missing_ok=True)


def _csv(kind, text: str):
    try:
        return tuple(kind(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of {kind.__name__}: {text!r}")


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.classload", description=__doc__.split("\n")[0])
    p.add_argument("--pages", type=lambda s: _csv(str, s), default=PAGES)
    p.add_argument("--n", type=lambda s: _csv(int, s), default=NS, help="sessions at once, e.g. 1,10,30")
    p.add_argument("--scenarios", type=lambda s: _csv(str, s), default=SCENARIOS)
    p.add_argument("--url", help="a server already running on loopback (e.g. the HAProxy front); default: start one")
    p.add_argument("--out", type=Path, default=RESULTS, help="results file whose '## Class load' section is replaced")
    p.add_argument("--timeout", type=float, default=180, help="per-session limit, seconds")
    p.add_argument("--budget", type=float, default=3600, help="limit for the whole run, seconds")
    p.add_argument("--first-seed", type=int, default=FIRST_SEED, help="unseen seeds start here")
    p.add_argument("--processes", type=lambda s: _csv(int, s),
                   help="compare scripts/serve.sh with these process counts behind HAProxy, e.g. 1,2 (one run)")
    args = p.parse_args(argv)
    for page in args.pages:
        if page not in PAGES:
            p.error(f"unknown page {page!r}; pages: {', '.join(PAGES)}")
    for sc in args.scenarios:
        if sc not in SCENARIOS:
            p.error(f"unknown scenario {sc!r}; scenarios: {', '.join(SCENARIOS)}")
    for n in args.n:
        if not 1 <= n <= MAX_SESSIONS:
            p.error(f"--n {n}: must be 1…{MAX_SESSIONS}")
    if args.url:
        stream_url(args.url)  # refuses a non-loopback address before anything starts
    if args.processes and (args.url or any(not 1 <= k <= 16 for k in args.processes)):
        p.error("--processes takes counts from 1 to 16, and starts its own servers (no --url)")
    return args


SERVE_SECTION = "## Serving a class: processes behind HAProxy"
OPEN_LIMIT_S = 3.0  # a page open a learner waits for at most, at p95: the sizing rule
RAMP = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60)


async def capacity(url: str, page: str, scenario: str, seeds: Seeds, timeout: float, echo=print) -> Row | None:
    """The largest number of learners opening a page at once whose p95 stays within OPEN_LIMIT_S.

    Ramps up through RAMP and stops at the first count over the limit (or with errors); None if
    even one learner waits longer.
    """
    best = None
    for n in RAMP:
        row = Row(page, scenario, n, await measure(url, page, scenario, n, seeds, timeout))
        echo(f"<!-- ramp {row.markdown()} -->")
        if row.errors or row.stat(0.95) is None or row.stat(0.95) > OPEN_LIMIT_S:
            break
        best = row
    return best


def ratio_table(by_p: dict[int, list[Row]]) -> tuple[str, float | None]:
    """Rows side by side for each process count, the slowest session's speed-up, and its geometric mean (n ≥ 10)."""
    ps = sorted(by_p)
    lo, hi = ps[0], ps[-1]
    head = ("| page | scenario | sessions | " + " | ".join(f"p95 s, {k} proc." for k in ps)
            + " | " + " | ".join(f"max s, {k} proc." for k in ps) + f" | speed-up of the slowest, {hi} vs {lo} |\n"
            "|---|---|---|" + "---|" * (2 * len(ps) + 1))
    index = {k: {(r.page, r.scenario, r.n): r for r in rows} for k, rows in by_p.items()}
    lines, logs = [head], []
    for key, first in index[lo].items():
        rows = [index[k].get(key) for k in ps]
        if any(r is None for r in rows):
            continue

        def f(v):
            return "–" if v is None else f"{v:.2f}"

        a, b = first.stat(1.0), rows[-1].stat(1.0)
        ratio = a / b if a and b and not first.errors and not rows[-1].errors else None
        if ratio and key[2] >= 10:
            logs.append(math.log(ratio))
        errs = sum(len(r.errors) for r in rows)
        lines.append(f"| /{key[0]} | {key[1]} | {key[2]} | " + " | ".join(f(r.stat(0.95)) for r in rows) + " | "
                     + " | ".join(f(r.stat(1.0)) for r in rows) + f" | {f(ratio)}{f' ({errs} errors)' if errs else ''} |")
    mean = math.exp(statistics.fmean(logs)) if logs else None
    return "\n".join(lines), mean


def sizing_table(caps: dict[int, dict[tuple[str, str], Row | None]], cores: int) -> str:
    """Learners per core who can open a page at once with p95 ≤ OPEN_LIMIT_S, for each process count."""
    ps = sorted(caps)
    head = ("| page | learners open | " + " | ".join(f"at once, {k} proc." for k in ps)
            + " | " + " | ".join(f"per core, {k} proc." for k in ps) + " |\n|---|---|" + "---|" * (2 * len(ps)))
    lines = [head]
    for key in caps[ps[0]]:
        got = [caps[k].get(key) for k in ps]
        at_once = ["0" if r is None else str(r.n) for r in got]
        per_core = ["0" if r is None else f"{r.n / min(k, cores):.1f}" for k, r in zip(ps, got)]
        lines.append(f"| /{key[0]} | {'the same link' if key[1] == 'same' else 'each its own seed'} | "
                     + " | ".join(at_once) + " | " + " | ".join(per_core) + " |")
    return "\n".join(lines)


def run_processes(args) -> str:
    """Each process count in turn behind HAProxy (scripts/serve.sh), in one run: ratio and sizing."""
    sys.path.insert(0, str(ROOT))
    seeds_first = args.first_seed
    by_p, caps = {}, {}
    for k in args.processes:
        print(f"<!-- scripts/serve.sh with {k} processes behind HAProxy -->", flush=True)
        with Served(k) as srv:
            by_p[k] = asyncio.run(run_async(srv.base, args.pages, args.n, args.scenarios, args.timeout, args.budget,
                                            seeds_first, echo=lambda line: print(line, flush=True), warm_n=k))
            seeds = Seeds(seeds_first + 500_000)  # ramps take their own unseen seeds
            caps[k] = {}
            for page in args.pages:
                for scenario in ("same", "seed"):
                    if scenario in args.scenarios:
                        caps[k][(page, scenario)] = asyncio.run(
                            capacity(srv.base, page, scenario, seeds, args.timeout,
                                     echo=lambda line: print(line, flush=True)))
    table, mean = ratio_table(by_p)
    cores = os.cpu_count() or 1
    lo, hi = min(by_p), max(by_p)
    verdict = "" if mean is None else (f"\n\n**{hi} processes vs {lo}: the slowest session of a class (≥ 10 at once) "
                                       f"finishes {mean:.2f}× sooner** (geometric mean over the rows above; "
                                       f"budget ≥ 1.6× on 2 cores).")
    return (f"{SERVE_SECTION}\n\nMeasured {datetime.date.today()} on {cores} cores by `python -m bench.classload "
            f"--processes {','.join(map(str, args.processes))}`: `scripts/serve.sh` with each process count in turn, "
            f"HAProxy in front of every one (`HAPROXY=1` for one process), sessions over Streamlit's websocket protocol as in `bench/classload.py` (time until script_finished), all "
            f"in one run. The machine is shared with other work while this ran: ratios within the run are what "
            f"to read, not absolute times.\n\n{table}{verdict}\n\n"
            f"### Sizing: learners per core\n\nThe most learners opening a page at the same moment whose p95 stays "
            f"≤ {OPEN_LIMIT_S:g} s (ramped {', '.join(map(str, RAMP))}; stopped at the first count over). One "
            f"Streamlit process uses about one core, so a machine with C cores serves about C × this per page "
            f"open; learners who are reading rather than clicking cost nothing.\n\n{sizing_table(caps, cores)}\n")


def run(argv=None) -> list[Row]:
    """Measure, print the table as it comes, and write the section into --out."""
    args = parse_args(argv)
    print(HEADER, flush=True)
    if args.processes:
        text = run_processes(args)
        old = args.out.read_text() if args.out.exists() else ""
        args.out.write_text(replace_section(old, text, SERVE_SECTION))
        print(f"\n{text}")
        return []

    def go(url: str) -> list[Row]:
        return asyncio.run(run_async(url, args.pages, args.n, args.scenarios, args.timeout, args.budget,
                                     args.first_seed, echo=lambda line: print(line, flush=True)))

    if args.url:
        rows, where = go(args.url), f"`{args.url}`"
    else:
        sys.path.insert(0, str(ROOT))
        from tests.e2e.server import streamlit_server

        with streamlit_server() as (base, _proc):
            rows, where = go(base), "one `streamlit run` server"
    text = section(rows, where)
    old = args.out.read_text() if args.out.exists() else ""
    args.out.write_text(replace_section(old, text))
    print(f"\n{text}")
    return rows


if __name__ == "__main__":
    run()
