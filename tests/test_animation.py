"""The training player: frames side by side in one table, charts that follow it, stable specs."""

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest
from conftest import assert_clean, charts, open_page, player, texts

from nnviz import ui
from nnviz.charts import framed
from nnviz.frames import FRAME, add_frame, frame_steps, n_frames, per_frame, varying, wide


def test_wide_keeps_constant_columns_once_and_varying_ones_per_frame():
    frames = [pd.DataFrame({"x": [0.0, 1.0], "p": [0.1 * k, 0.2 * k]}) for k in range(3)]
    df = wide(frames, ["p"])
    assert list(df.columns) == ["x", "p@0", "p@1", "p@2"]
    assert df["x"].tolist() == [0.0, 1.0]
    assert df["p@2"].tolist() == pytest.approx([0.2, 0.4])
    assert varying(df) == ["p"]
    assert varying(frames[0]) == []


def test_wide_pads_a_shorter_frame_with_empty_rows():
    lines = [pd.DataFrame({"x1": [0.0, 1.0], "x2": [1.0, 0.0]}), pd.DataFrame({"x1": [], "x2": []})]
    df = wide(lines, ["x1", "x2"])
    assert len(df) == 2
    assert df["x1@0"].tolist() == [0.0, 1.0]
    assert df["x1@1"].isna().all()


def test_framed_picks_the_current_frames_columns_in_vega():
    df = wide([pd.DataFrame({"p": [k]}) for k in range(2)], ["p"])
    spec = framed(alt.Chart(df), df).mark_point().encode(y="p:Q").to_dict()
    assert spec["transform"] == [{"calculate": f"datum['p@' + {FRAME}]", "as": "p"}]
    plain = pd.DataFrame({"p": [1]})
    assert "transform" not in framed(alt.Chart(plain), plain).mark_point().encode(y="p:Q").to_dict()


@pytest.mark.parametrize("hi, frames, also", [(5000, 60, None), (7, 60, None), (1000, 60, 334), (0, 60, 0)])
def test_frame_steps_span_the_run_evenly_and_include_the_current_step(hi, frames, also):
    steps = frame_steps(hi, frames, also)
    assert steps[0] == 0 and steps[-1] == hi
    assert steps == sorted(set(steps))
    assert len(steps) <= frames + 2
    if also is not None:
        assert also in steps
    if hi >= frames:
        gaps = np.diff(frame_steps(hi, frames))
        assert gaps.max() - gaps.min() <= 1  # evenly spread


def test_dataset_names_depend_on_position_not_content():
    a = alt.Chart(pd.DataFrame({"v": [1]})).mark_point().encode(x="v:Q")
    b = alt.Chart(pd.DataFrame({"v": [2]})).mark_point().encode(x="v:Q")
    sa, sb = ui.vega_spec(a), ui.vega_spec(b)
    assert list(sa["datasets"]) == list(sb["datasets"]) == ["data0"]
    assert {k: v for k, v in sa.items() if k != "datasets"} == {k: v for k, v in sb.items() if k != "datasets"}
    assert sa["datasets"]["data0"]["v"].tolist() == [1]


ANIMATED = [("perceptron", {}), ("perceptron", {"mode": "rule"}), ("xor", {}), ("activations", {})]


@pytest.mark.parametrize("slug, query", ANIMATED)
def test_player_view_starts_at_the_step_in_the_url_and_charts_follow_it(slug, query):
    at = open_page(slug, lang="en", view=3, **query)
    assert_clean(at)
    shown = player(at)
    assert shown["steps"][shown["index"]] == 3
    assert shown["steps"] == sorted(shown["steps"]) and shown["steps"][0] == 0 and len(shown["steps"]) > 10
    assert sorted(shown["frames"]) == list(range(len(shown["steps"])))
    following = [json.loads(c.proto.spec) for c in charts(at) if "params" in json.loads(c.proto.spec)]
    assert following, "no chart follows the player"
    for spec in following:
        (param,) = [p for p in spec["params"] if p["name"] == FRAME]
        assert param["value"] == shown["frames"][shown["index"]]
        assert param["bind"]["max"] == len(shown["steps"]) - 1


@pytest.mark.parametrize("slug, query", ANIMATED)
def test_moving_the_player_changes_no_chart_spec(slug, query):
    """Only the frame parameter (the frame shown, how many) differs between two steps: Vega then
    updates the charts in place."""
    def specs(view):
        at = open_page(slug, lang="en", view=view, **query)
        out = []
        for c in charts(at):
            spec = json.loads(c.proto.spec)
            for p in spec.get("params", []):
                if p["name"] == FRAME:
                    p["value"] = p["bind"]["max"] = None
            out.append(spec)
        return out

    assert specs(1) == specs(5)


def test_wide_finds_the_varying_columns_itself_and_per_frame_undoes_it():
    frames = [pd.DataFrame({"x": [0, 1], "name": ["a", "b" if k else "c"], "p": [k, 2 * k]}) for k in range(3)]
    df = wide(frames)
    assert varying(df) == ["name", "p"]
    back = per_frame(df)
    assert len(back) == 3
    for k in range(3):
        pd.testing.assert_frame_equal(back[k][["x", "name", "p"]], frames[k], check_dtype=False)


def test_add_frame_appends_the_varying_columns_of_one_more_frame():
    df = wide([pd.DataFrame({"x": [0, 1], "p": [k, k]}) for k in range(2)], ["p"])
    assert n_frames(df) == 2 and n_frames(pd.DataFrame({"p": [1]})) == 1
    more = add_frame(df, pd.DataFrame({"x": [0, 1], "p": [7, 8]}))
    assert n_frames(more) == 3 and more["p@2"].tolist() == [7, 8]
    assert per_frame(more)[2]["p"].tolist() == [7, 8]


def test_hiding_the_player_keeps_the_step_from_the_url():
    at = open_page("perceptron", lang="en", view=40, hide="view")
    assert_clean(at)
    assert not [e for e in at.get("bidi_component") if e.proto.component_name == "nnviz_player"]
    assert "**Predictions after step 40**" in texts(at)
