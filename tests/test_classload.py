"""The class-load benchmark's messages, parsing and report (no timing here: figures live in bench/)."""

from __future__ import annotations

import asyncio

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import classload as C


def _fwd(**build) -> bytes:
    msg = ForwardMsg()
    kind = build.pop("kind")
    if kind == "element":
        msg.delta.new_element.markdown.body = build.get("text", "hi")
    elif kind == "exception":
        msg.delta.new_element.exception.type = "KeyError"
        msg.delta.new_element.exception.message = "boom"
    elif kind == "finished":
        msg.script_finished = build["status"]
    elif kind == "ref":
        msg.ref_hash = "abc"
    elif kind == "not_found":
        msg.page_not_found.page_name = "nosuch"
    if build.get("cacheable"):
        msg.hash, msg.metadata.cacheable = "h1", True
    return msg.SerializeToString()


def test_rerun_msg_is_what_a_browser_sends_for_a_page_link():
    msg = BackMsg()
    msg.ParseFromString(C.rerun_msg("xor", "lang=en&seed=7", frozenset({"b", "a"})))
    assert msg.WhichOneof("type") == "rerun_script"
    state = msg.rerun_script
    assert (state.page_name, state.query_string, state.page_script_hash) == ("xor", "lang=en&seed=7", "")
    assert list(state.cached_message_hashes) == ["a", "b"]
    assert state.context_info.locale == "en-US"


def test_tally_counts_bytes_elements_and_waits_past_an_early_finish():
    t = C.Tally()
    frames = [_fwd(kind="element", cacheable=True), _fwd(kind="ref"),
              _fwd(kind="finished", status=ForwardMsg.FINISHED_EARLY_FOR_RERUN)]
    for f in frames:
        t.add(f)
    assert not t.done  # a run cut short for a rerun: the next run's finish is the one that counts
    assert (t.elements, t.bytes, t.cacheable) == (2, sum(map(len, frames)), {"h1"})
    t.add(_fwd(kind="finished", status=ForwardMsg.FINISHED_SUCCESSFULLY))
    assert t.done and t.status == "FINISHED_SUCCESSFULLY" and t.errors == []


@pytest.mark.parametrize("kind, error", [("exception", "exception on the page: KeyError"), ("not_found", "page not found")])
def test_tally_reports_a_broken_page(kind, error):
    t = C.Tally()
    t.add(_fwd(kind=kind))
    assert t.errors == [error]
    assert t.exceptions == (["KeyError: boom\n"] if kind == "exception" else [])


def test_compile_error_is_an_error():
    t = C.Tally()
    t.add(_fwd(kind="finished", status=ForwardMsg.FINISHED_WITH_COMPILE_ERROR))
    assert t.done and t.errors == ["finished_with_compile_error"]


def test_nearest_rank_quantiles():
    values = [float(v) for v in range(1, 11)]  # 1 … 10
    assert C.nearest_rank(values, 0.5) == 5.0
    assert C.nearest_rank(values, 0.95) == 10.0
    assert C.nearest_rank(list(range(1, 101)), 0.95) == 95
    assert C.nearest_rank([3.0], 0.95) == 3.0


def test_row_reports_failures_and_statistics():
    row = C.Row("xor", "seed", 3, [C.Result(1.0, 1000), C.Result(3.0, 3000), C.Result(None, 0, "timeout after 5 s")])
    assert row.times == [1.0, 3.0] and row.errors == ["timeout after 5 s"]
    assert row.markdown() == "| /xor | seed | 3 | 1.00 | 3.00 | 3.00 | 1 | 1 (timeout after 5 s) |"
    empty = C.Row("xor", "same", 1, [C.Result(None, 0, "connect: ConnectionRefusedError")])
    assert "| – | – | – |" in empty.markdown()


def test_stream_url_is_loopback_only():
    assert C.stream_url("http://127.0.0.1:8501") == "ws://127.0.0.1:8501/_stcore/stream"
    assert C.stream_url("http://localhost:9000/nnviz/") == "ws://localhost:9000/nnviz/_stcore/stream"
    with pytest.raises(SystemExit, match="loopback"):
        C.stream_url("http://example.org:8501")


def test_section_replaced_in_place_and_kept_apart_from_others():
    text = "# R\n\n| a |\n\n## Class load\n\nold\n\n## Notes\n\nkeep\n"
    new = C.replace_section(text, "## Class load\n\nnew\n")
    assert new == "# R\n\n| a |\n\n## Class load\n\nnew\n\n## Notes\n\nkeep\n"
    assert C.section_of(new) == "## Class load\n\nnew\n"
    assert C.replace_section("# R\n", "## Class load\n\nx\n") == "# R\n\n## Class load\n\nx\n"
    assert C.section_of("# R\n") == ""


def test_bad_arguments_are_refused_with_a_message(capsys):
    for argv, said in ((["--pages", "nosuch"], "unknown page"), (["--n", "1,500"], "must be 1"),
                       (["--scenarios", "fast"], "unknown scenario"), (["--n", "x"], "comma-separated")):
        with pytest.raises(SystemExit):
            C.parse_args(argv)
        assert said in capsys.readouterr().err
    with pytest.raises(SystemExit, match="loopback"):
        C.parse_args(["--url", "http://10.0.0.1:8501"])


def test_measure_refuses_unbounded_counts():
    with pytest.raises(ValueError, match="n must be"):
        asyncio.run(C.measure("http://127.0.0.1:1", "xor", "same", C.MAX_SESSIONS + 1, C.Seeds(0), 1))


def test_a_refused_connection_is_counted_not_hidden():
    from tests.e2e.server import free_port

    (r,) = asyncio.run(C.measure(f"http://127.0.0.1:{free_port()}", "xor", "same", 1, C.Seeds(0), 5))
    assert r.seconds is None and r.error.startswith("connect:")


@pytest.mark.e2e
def test_a_real_server_renders_the_page_and_reports_page_not_found():
    from tests.e2e.server import streamlit_server

    with streamlit_server() as (base, _):
        (ok,) = asyncio.run(C.measure(base, "backprop", "same", 1, C.Seeds(0), 120))
        (moved,) = asyncio.run(C.measure(base, "backprop", "move", 1, C.Seeds(10_000), 120))
        (missing,) = asyncio.run(C.measure(base, "nosuch", "same", 1, C.Seeds(0), 120))
    assert ok.seconds is not None and ok.error == "" and ok.bytes > 10_000
    assert moved.seconds is not None and moved.error == ""
    assert missing.seconds is None and missing.error == "page not found"
