"""What a page sends for a chart, made once per view and shared by every session: the Vega-Lite spec
(datasets named by position, text coloured for the theme) and each dataset as Arrow bytes."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from nnviz.charts import for_theme
from nnviz.frames import FRAME, varying

# altair's theme and data transformer are process-wide; charts are converted under this lock.
_ALTAIR_LOCK = threading.Lock()


def _by_position(data, datasets: dict) -> dict:
    """altair data transformer: name each dataset by its order in the chart, not by its content
    (a table drawn by several layers is sent once)."""
    for name, seen in datasets.items():
        if seen is data:
            return {"name": name}
    name = f"data{len(datasets)}"
    datasets[name] = data
    return {"name": name}


alt.data_transformers.register("nnviz_by_position", _by_position)


def vega_spec(chart) -> dict:
    """The Vega-Lite spec of an altair chart, its datasets named by position.

    ``st.altair_chart`` names datasets by a hash of their content, so new data make a new spec and the
    browser rebuilds the whole Vega view (~270 ms a chart, measured). With names that depend only on
    the chart's structure, a rerun that changes the data alone updates the view in place.
    """
    datasets: dict = {}
    with _ALTAIR_LOCK, alt.theme.enable("none"), alt.data_transformers.enable("nnviz_by_position", datasets=datasets):
        # Not validated against the schema again: that took most of the time (charts are tested).
        spec = chart.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


def prepare(chart, frames: tuple[int, int] | None, theme: str = "light") -> tuple[dict, dict[str, bytes]]:
    """A chart as Streamlit sends it: the Vega-Lite spec (its text coloured for ``theme``), and each dataset
    as Arrow IPC bytes."""
    spec = for_theme(vega_spec(chart), theme)
    # A screen reader gets the chart's text alternative (Page.chart's alt) and its Data table, not each of
    # its marks (up to 2,000 a page, with raw floats): no ARIA on marks and guides.
    spec["config"]["aria"] = False
    spec["config"]["mark"] = {**spec["config"].get("mark", {}), "aria": False}
    datasets = spec.pop("datasets")
    # a chart follows the player when it is drawn from frame tables (framed() then reads FRAME)
    if frames is not None and any(isinstance(d, pd.DataFrame) and varying(d) for d in datasets.values()):
        index, count = frames
        spec.setdefault("params", []).append(
            {"name": FRAME, "value": index, "bind": {"input": "range", "min": 0, "max": count - 1, "step": 1}})
        # Drawn on a canvas: Streamlit's default SVG redraws hundreds of DOM nodes in every frame.
        spec["usermeta"] = {"embedOptions": {"renderer": "canvas"}}
    return spec, {name: arrow(d) for name, d in datasets.items()}


def arrow_table(data):
    """A table as Streamlit converts it for ``st.dataframe`` (a ``pyarrow.Table``, pandas index metadata kept):
    what it would send, made once."""
    from streamlit import dataframe_util

    return dataframe_util.convert_pandas_df_to_arrow_table(data if isinstance(data, pd.DataFrame) else pd.DataFrame(data))


def arrow(data) -> bytes:
    """A dataset as the Arrow IPC bytes Streamlit sends, lighter: floats as float32 (a chart draws and its
    tooltips print fewer than 7 digits; the Data table keeps every digit), repeated text dictionary-encoded,
    and without the pandas metadata (a JSON note per column Vega never reads). NaN is sent as null, as
    Streamlit's own conversion does."""
    import pyarrow as pa  # type: ignore[import-untyped]
    from streamlit import dataframe_util

    df = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    df = df.reset_index(drop=True)
    names = [str(c) for c in df.columns]
    floats = [i for i, t in enumerate(df.dtypes) if t == "float64"]
    columns: dict[int, pa.Array] = {}
    if floats:
        # Frame tables hold hundreds of float columns (one a frame): one NumPy conversion for all of them,
        # not pandas' and pyarrow's per-column paths (40 % of building a new /xor view, py-spy).
        block = np.ascontiguousarray(df.iloc[:, floats].to_numpy(np.float32).T)
        columns.update({i: pa.array(row, from_pandas=True) for i, row in zip(floats, block)})
    text = [i for i, t in enumerate(df.dtypes) if t == "object" or isinstance(t, pd.StringDtype)]
    if text and len(df):  # the names a frame table carries for each frame: the same way, many columns at once
        for i, row in zip(text, df.iloc[:, text].to_numpy(object).T):
            if all(isinstance(x, str) for x in row):
                # as pandas would send it: object text as string, pandas' own text type as large_string
                plain = pa.large_string() if isinstance(df.dtypes.iloc[i], pd.StringDtype) else pa.string()
                columns[i] = _lighter_text(row, plain)
    rest = [i for i in range(len(names)) if i not in columns]
    if rest:  # everything else (numbers, flags, mixed objects) as Streamlit converts it
        other = df.iloc[:, rest]
        other.columns = [names[i] for i in rest]
        columns.update(zip(rest, dataframe_util.convert_pandas_df_to_arrow_table(other).columns))
    table = pa.table([columns[i] for i in range(len(names))], names=names)
    return dataframe_util.convert_arrow_table_to_arrow_bytes(table)


def _lighter_text(row, plain):
    """Text repeated down a long table (labels, names) sent once per distinct value: dictionary-encoded as a
    pandas Categorical converts (its index the narrowest integer); other text as ``plain``."""
    import pyarrow as pa

    encoded = pa.array(row, pa.large_string()).dictionary_encode()
    if not len(encoded.dictionary) < len(row) / 2:
        return pa.array(row, plain)
    n = len(encoded.dictionary)  # pandas' rule: the first integer type whose maximum exceeds n
    index = next(t for t in (pa.int8(), pa.int16(), pa.int32()) if n < 2 ** (t.bit_width - 1) - 1)
    return pa.DictionaryArray.from_arrays(encoded.indices.cast(index), encoded.dictionary)


class SentCache:
    """A bounded, thread-safe LRU of what pages send, shared by every session of the server.

    Values are never mutated after they are made (callers copy the spec's top level), so sessions may
    share them. Bounded by total bytes, so a public demo's memory stays flat whatever is tried.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size = max_bytes, 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict = {}  # key → the lock held by the one session making that value
        self.hits = self.misses = 0

    def _hit(self, key):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return True, self._items[key][0]
            return False, self._making.setdefault(key, threading.Lock())

    def get(self, key, make: Callable[[], Any], size: Callable[[Any], int] | None = None) -> Any:
        """The value cached for ``key``, or ``make()`` cached; ``size(value)`` its bytes (by default a
        chart's: the lengths of its Arrow datasets, ``value[1]``). Sessions asking for a value another
        is making wait for it rather than make it again (a class that moves to a new setting at once)."""
        hit, found = self._hit(key)
        if hit:
            return found
        with found:  # one session makes the value; the others wait here, then find it
            hit, value = self._hit(key)
            if hit:
                return value
            try:
                value = make()
                n = size(value) if size is not None else sum(map(len, value[1].values()))
                with self._lock:
                    self.misses += 1
                    self._items[key] = (value, n)
                    self.size += n
                    while self.size > self.max_bytes and len(self._items) > 1:
                        _, (_, dropped) = self._items.popitem(last=False)
                        self.size -= dropped
            finally:
                with self._lock:
                    self._making.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0


# What pages send, by page state: 32 MB holds every page's default view and presets many times over.
SENT = SentCache(32 << 20)
