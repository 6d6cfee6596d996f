"""What pages send is cached by page state: a hit sends the same chart as a fresh build, and builds nothing."""

import pytest

from nnviz import ui
from nnviz.lessons import LESSONS
from tests.conftest import assert_clean, charts, open_page


def sent(at) -> list[tuple[str, list[tuple[str, bytes]]]]:
    """Every chart of a run as Streamlit sends it: its spec and its named Arrow datasets."""
    return [(c.proto.spec, [(d.name, d.data.data) for d in c.proto.datasets]) for c in charts(at)]


def tables(at) -> list[bytes]:
    """Every table of a run as Streamlit sends it (Arrow bytes and its column settings)."""
    return [(d.proto.arrow_data.data, d.proto.columns) for d in at.dataframe]


@pytest.mark.parametrize("slug", [t.slug for t in LESSONS])
def test_a_cached_view_sends_what_a_fresh_build_sends(slug):
    ui.SENT.clear()
    fresh = open_page(slug)
    assert_clean(fresh)
    hits = ui.SENT.hits
    again = open_page(slug)  # a second session opening the same link
    assert ui.SENT.hits > hits
    assert sent(again) == sent(fresh) and sent(fresh)
    assert tables(again) == tables(fresh)


def test_a_cached_table_is_what_st_dataframe_sends_for_the_frame():
    import numpy as np
    import pandas as pd
    from streamlit import dataframe_util

    from nnviz.ui.sent import arrow_table

    df = pd.DataFrame({"name": ["a", "b", "한"], "x": [0.1, np.nan, -2.5], "n": [1, 2, 3],
                       "c": pd.Categorical(["u", "v", "u"]), "ok": [True, False, True]})
    assert (dataframe_util.convert_arrow_table_to_arrow_bytes(arrow_table(df))
            == dataframe_util.convert_anything_to_arrow_bytes(df))


def test_a_seen_view_builds_no_table(monkeypatch):
    from nnviz import xor

    ui.SENT.clear()
    first = open_page("xor")
    assert_clean(first)

    def fail(*a, **k):
        raise AssertionError("a table was built for a view already sent")

    monkeypatch.setattr(xor, "weights_table", fail)
    at = open_page("xor")
    assert_clean(at)
    assert tables(at) == tables(first) and len(at.dataframe) >= 3


def test_a_seen_view_builds_no_chart(monkeypatch):
    from nnviz.charts import perceptron

    ui.SENT.clear()
    open_page("perceptron", gate="or")

    def fail(*a, **k):
        raise AssertionError("a chart was built for a view already sent")

    monkeypatch.setattr(perceptron, "boundary", fail)
    monkeypatch.setattr(perceptron, "loss_curves", fail)
    at = open_page("perceptron", gate="or")
    assert_clean(at)
    assert len(charts(at)) == 4


def test_another_language_or_setting_is_another_view():
    ui.SENT.clear()
    en = sent(open_page("perceptron", gate="or", lang="en"))
    ko = sent(open_page("perceptron", gate="or", lang="ko"))
    nand = sent(open_page("perceptron", gate="nand", lang="en"))
    assert en[0] != ko[0] and en[0] != nand[0]


def test_the_cache_drops_the_least_recently_used_views_past_its_size():
    cache = ui.SentCache(max_bytes=250)
    for k in range(5):
        cache.get(k, lambda k=k: ({"k": k}, {"data0": bytes(100)}))
    assert cache.size == 200 and list(cache._items) == [3, 4]
    cache.get(3, lambda: pytest.fail("3 is cached"))  # a hit moves 3 to the end
    cache.get(5, lambda: ({}, {"data0": bytes(100)}))
    assert list(cache._items) == [3, 5]
    assert cache.hits == 1 and cache.misses == 6


def test_sessions_asking_at_once_for_a_new_view_make_it_once():
    import threading
    import time

    cache, calls, got = ui.SentCache(max_bytes=10_000), [], []
    start = threading.Barrier(8)

    def make():
        calls.append(1)
        time.sleep(0.2)  # a slow build: the others arrive while it runs
        return {"made": len(calls)}, {"data0": bytes(10)}

    def session():
        start.wait()
        got.append(cache.get("view", make))

    threads = [threading.Thread(target=session) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(got) == 8 and all(g is got[0] for g in got)
    assert cache.misses == 1 and cache.hits == 7 and cache._making == {}


def test_a_failed_build_caches_nothing_and_the_next_session_builds_again():
    cache = ui.SentCache(max_bytes=10_000)

    def broken():
        raise ValueError("no view")

    with pytest.raises(ValueError, match="no view"):
        cache.get("view", broken)
    assert cache._making == {} and cache.size == 0
    assert cache.get("view", lambda: ({"ok": 1}, {}))[0] == {"ok": 1}


def test_the_data_table_is_sent_only_while_its_expander_is_open():
    at = open_page("perceptron", gate="and")
    before = len(at.dataframe)
    assert not any(len(d.value) == 220 for d in at.dataframe)  # the 220 XOR runs behind the last chart
    at.session_state["data.perceptron.xor_floor"] = True  # the learner opens "Data" under the chart
    at.run()
    assert_clean(at)
    assert len(at.dataframe) == before + 1
    (floor,) = [d.value for d in at.dataframe if len(d.value) == 220]
    assert list(floor.columns)[:3] == ["seed", "lr", "final_loss"]


def test_a_table_is_as_tall_as_its_rows_up_to_its_limit():
    assert [ui.table_height(n) for n in (0, 1, 4, 10, 11)] == [38, 73, 178, 388, 400]
    assert ui.table_height(6, 260) == 248 and ui.table_height(7, 260) == 260


def _plain_arrow(df) -> "pa.Table":
    """The straightforward conversion arrow() speeds up: pandas casts, then Streamlit's own conversion."""
    from streamlit import dataframe_util

    df = df.reset_index(drop=True)
    lighter = {**dict.fromkeys(df.select_dtypes("float64").columns, "float32"),
               **{c: "category" for c in df.select_dtypes("object").columns
                  if all(isinstance(x, str) for x in df[c]) and df[c].nunique() < len(df) / 2}}
    return dataframe_util.convert_pandas_df_to_arrow_table(df.astype(lighter)).replace_schema_metadata(None)


def _frame_tables() -> list:
    import numpy as np
    import pandas as pd

    from nnviz import xor

    run = xor.train(2, 1, "tanh", "adam", 0.1, 300, 0)
    anim = xor.animation(run, [0, 100, 300], n_grid=7, n_lines=3)
    odd = pd.DataFrame({"x": [0.5, np.nan, 1e-40, -np.inf], "n": [1, 2, 3, 4], "ok": [True, False, True, True],
                        "name": pd.Series(["a", "a", "a", "b"], dtype=object), "mixed": [1, "a", None, 2.5],
                        "s": ["p", "q", "r", "s"], "c": pd.Categorical(["u", "v", "u", "u"])}, index=[9, 8, 7, 6])
    uniq = pd.DataFrame({"u": pd.Series(list("abcd"), dtype=object), "k": [1, 2, 3, 4]})
    many = pd.DataFrame({f"c{k}": pd.Series([f"v{i % k}" for i in range(600)], dtype=object)
                         for k in (126, 127, 128, 299)})  # where pandas' categories move to a wider index
    return [*anim.tables.values(), odd, odd.iloc[:0], pd.DataFrame({"only": ["x", "x", "y"]}), uniq, many]


@pytest.mark.parametrize("i", range(len(_frame_tables())))
def test_arrow_sends_what_the_plain_conversion_sends(i):
    import pyarrow as pa

    from nnviz.ui.sent import arrow

    df = _frame_tables()[i]
    got, want = pa.ipc.open_stream(arrow(df)).read_all(), _plain_arrow(df)
    assert got.schema.names == want.schema.names and got.num_rows == want.num_rows == len(df)
    for name in want.schema.names:
        assert got.schema.field(name).type == want.schema.field(name).type, name
        assert got[name].to_pylist() == want[name].to_pylist(), name
