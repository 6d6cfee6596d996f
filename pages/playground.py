"""The playground: your own data or a generated set, every lesson's knob, one live view, and A/B."""

import functools

import pandas as pd
import streamlit as st

from nnviz import playground as pg
from nnviz import describe, ui
from nnviz.charts import playground as charts
from nnviz.frames import wide

FRAMES = 25  # player frames: each carries one decision map


@ui.cached
def points(data_values: tuple):
    return pg.points(dict(data_values))


@ui.cached
def train(data_values: tuple, model_values: tuple, _label=""):
    pts = points(data_values)
    with ui.progress(_label) as report:
        return pg.run({**dict(data_values), **dict(model_values)}, pts, progress=report)


@ui.cached
def frames(data_values: tuple, model_values: tuple, epochs: tuple[int, ...]):
    return pg.decision_images(train(data_values, model_values), list(epochs))


page = ui.page("playground")
page.header()
v = page.values

# --- data ------------------------------------------------------------------------------------------
with page.settings_box():
    st.caption(page.t(".presets"))
    for name, col in zip(pg.settings.PRESETS, st.columns(len(pg.settings.PRESETS))):
        page.preset(f"playground.preset.{name}", col, **pg.settings.preset(name))
    st.markdown(f"**{page.t('.data_title')}**")
    c1, c2, c3 = st.columns([1.3, 1.3, 1])
    page.control("source", c1)
    page.control("data", c2)
    page.control("classes", c3, disabled=v["data"] in pg.data.TWO_CLASS_ONLY and v["source"] == "generated")
    c1, c2, c3 = st.columns(3)
    page.control("noise", c1)
    page.control("n", c2)
    page.control("test", c3)
    if page["source"] == "own":
        st.markdown(f"**{page.t('.own_title')}**")

        def copy_generated() -> None:
            X, y = pg.make_data(page["data"], page["n"], page["noise"], pg.classes_for(page["data"], page["classes"]),
                                page["seed"])
            page.set(points=pg.encode(X.numpy(), y.numpy()))

        def click(key: str) -> None:
            picked = st.session_state[key].selection.get(charts.PICK) or []
            if picked:
                p = picked[0]
                page.set(points=pg.toggle(page["points"], float(p["x1"]), float(p["x2"]), page["label"]))

        def add_csv() -> None:
            try:
                points, added = pg.append_csv(page["points"], st.session_state["playground.csv_text"])
                page.set(points=points)
                st.session_state["_playground.csv_note"] = ("ok", added, {})
            except pg.CsvError as e:
                st.session_state["_playground.csv_note"] = ("error", e.line, {"reason": e.reason, **e.detail})

        c1, c2, c3 = st.columns([1.4, 1, 1], vertical_alignment="bottom")
        page.control("label", c1)
        c2.button(page.t(".own.copy"), on_click=copy_generated, key="playground.copy")
        c3.button(page.t(".own.clear"), on_click=page.set, kwargs={"points": ""}, key="playground.clear")
v = page.values
data_key = tuple((k, v[k]) for k in pg.settings.DATA)
pts = points(data_key)
lbl = {n: page.t(f".lbl.{n}") for n in ("x1", "x2", "class", "split", "train", "test", "epoch", "loss", "accuracy",
                                        "unit", "weight", "run", "predicted")}
lbl["class_names"] = [f"{lbl['class']} {k}" for k in range(3)]
if v["source"] == "own":
    # the plane to draw on (click: add or remove a point)
    st.caption(page.t(".own.lead", n=len(pts.y)))
    own = pg.point_table(pts.X, pts.y, pts.train, pts.test)[["x1", "x2", "label"]]
    # a new chart for every set of points: its selection starts empty, so a click on the spot clicked last counts
    click_key = f"playground.click.{pg.points_id(v['points'])}"
    st.vega_lite_chart(ui.vega_spec(charts.editor(own, lbl, 3)), on_select=functools.partial(click, click_key),
                       selection_mode=charts.PICK, key=click_key, width="stretch",
                       alt=describe.playground.editor(pts.y, v["label"], ui.lang()))
    st.text_area(page.t(".csv"), key="playground.csv_text", help=page.t(".csv.help"), height=110,
                 placeholder=page.t(".csv.placeholder"))
    st.button(page.t(".csv.add"), on_click=add_csv, key="playground.csv_add")
    note = st.session_state.pop("_playground.csv_note", None)
    if note and note[0] == "ok":
        st.success(page.t(".csv.added", n=note[1]), icon=":material/check_circle:")
    elif note:
        detail = dict(note[2])
        reason = page.t(f".csv.{detail.pop('reason')}", **detail)
        st.error(page.t(".csv.error", line=note[1], reason=reason) if note[1] else
                 page.t(".csv.error0", reason=reason), icon=":material/error:")


with page.settings_box():
    st.markdown(f"**{page.t('.features_title')}**")
    st.caption(page.t(".features_help"))
    cols = st.columns(len(pg.FEATURES))
    for name, col in zip(pg.FEATURES, cols):
        page.control(name, col)
    st.markdown(f"**{page.t('.model_title')}**")
    c1, c2, c3 = st.columns([1, 1, 1.6])
    page.control("layers", c1)
    page.control("units", c2)
    page.control("activation", c3)
    c1, c2, c3 = st.columns([1.3, 1, 1])
    page.control("init", c1)
    page.control("dropout", c2)
    page.control("wd", c3)
    c1, c2, c3 = st.columns([1, 1.6, 1])
    page.control("optimizer", c1)
    page.control("lr", c2)
    page.control("batch", c3)
    c1, c2 = st.columns([2, 1])
    page.control("epochs", c1)
    page.control("seed", c2)
v = page.values
model_key = tuple((k, v[k]) for k in (*pg.settings.MODEL, *pg.FEATURES))

if not pts.ok:
    st.info(page.t(".own.too_few", n=pg.session.MIN_OWN), icon=":material/add_location:")
    page.try_this(pg.TRY_THIS)
    page.code()
    st.stop()

run = train(data_key, model_key, _label=ui.t("ui.computing"))
page.diverged(run.diverged)
if run.diverged is not None:
    st.caption(page.t(".verdict.diverged", epoch=run.epochs))
asked = v["epochs"]
if run.epochs < asked and run.diverged is None:
    per = pg.settings.updates_per_epoch(len(pts.train), v["batch"])
    st.caption(page.t(".capped", run=run.epochs, asked=asked, per=per, max=f"{pg.max_updates(v['layers']):,}",
                      layers=v["layers"]))

m1, m2, m3, m4, m5 = st.columns(5)
m1.metric(page.t(".m.train_loss"), f"{run.train_loss[-1]:.4f}")
m2.metric(page.t(".m.test_loss"), f"{run.test_loss[-1]:.4f}")
m3.metric(page.t(".m.train_acc"), f"{run.train_acc[-1]:.1%}")
m4.metric(page.t(".m.test_acc"), f"{run.test_acc[-1]:.1%}")
m5.metric(page.t(".m.epochs"), f"{run.epochs}")
verdict = pg.verdict(run)
best = pg.best_epoch(run)
if verdict == "good":
    st.success(page.t(".verdict.good", acc=f"{run.train_acc[-1]:.1%}", test_acc=f"{run.test_acc[-1]:.1%}"),
               icon=":material/check_circle:")
elif verdict == "overfit":
    st.warning(page.t(".verdict.overfit", best=best, best_loss=f"{run.test_loss[best]:.4f}",
                      loss=f"{run.test_loss[-1]:.4f}"), icon=":material/trending_up:")
elif verdict == "underfit":
    st.info(page.t(".verdict.underfit", acc=f"{run.train_acc[-1]:.1%}"), icon=":material/hourglass:")

losses = pg.loss_table(run)


def render(epoch: int, player: ui.Frames) -> None:
    images = frames(data_key, model_key, tuple(player.grid))
    if len(player.steps) > player.n_grid:
        extra = pg.decision_images(run, [epoch])
        images = pd.concat([images, extra.rename(columns={"image@0": f"image@{player.n_grid}"})], axis=1)
    marker = wide([pd.DataFrame({"epoch": [s]}) for s in player.steps], ["epoch"])
    table = pg.point_table(pts.X, pts.y, pts.train, pts.test, run, epoch)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{page.t('.regions.title', epoch=epoch)}**")
        page.chart(lambda: charts.regions(images, table, lbl, pts.classes), table, "regions",
                   alt=lambda: describe.playground.regions(run, epoch, ui.lang()))
        st.caption(page.t(".regions.caption"))
    with right:
        st.markdown(f"**{page.t('.loss.title')}**")
        page.chart(lambda: charts.loss_curves(losses, marker, lbl), losses, "loss",
                   alt=lambda: describe.playground.loss(run, ui.lang()))
        st.caption(page.t(".loss.caption"))
    with page.still():
        st.markdown(f"**{page.t('.net.title', epoch=epoch)}**")
        net = pg.network(run, epoch)
        page.chart(lambda: charts.network(net["nodes"], net["edges"], lbl),
                   {"units": net["nodes"].drop(columns=["image", "y"]),
                    "weights": net["edges"][["layer", "from", "to", "weight"]]}, "network",
                   alt=lambda: describe.playground.network(run, net["edges"], epoch, ui.lang()))
        st.caption(page.t(".net.caption"))


st.subheader(page.t(".view_title"), anchor=False)
page.animate("view", run.epochs, render, frames=FRAMES, fps=8)

# --- A/B --------------------------------------------------------------------------------------------
st.subheader(page.t(".ab_title"), anchor=False)
with page.settings_box():
    c1, c2 = st.columns(2)
    page.control("compare", c1)
    if page["compare"] != "off":
        page.control(f"b_{page['compare']}", c2)
v = page.values
b = pg.b_values(v)
if b is None:
    st.info(page.t(".ab.off"), icon=":material/compare:")
elif v[v["compare"]] == v[f"b_{v['compare']}"]:
    st.info(page.t(".ab.same"), icon=":material/compare:")
else:
    name = v["compare"]
    shown = ui.option_label if isinstance(v[name], str) else pg.SETTINGS[name].fmt
    st.markdown(page.t(".ab.lead", name=ui.option_label(name), a=shown(v[name]), b=shown(b[name])))
    b_key = tuple((k, b[k]) for k in (*pg.settings.MODEL, *pg.FEATURES))
    run_b = train(data_key, b_key, _label=ui.t("ui.computing"))
    page.diverged(run_b.diverged)
    both = pd.concat([pg.loss_table(run).assign(run="A"), pg.loss_table(run_b).assign(run="B")], ignore_index=True)
    table_b = pg.point_table(pts.X, pts.y, pts.train, pts.test, run_b)
    ca, cb = st.columns(2)
    for col, r, tag, tab in ((ca, run, "A", pg.point_table(pts.X, pts.y, pts.train, pts.test, run)),
                             (cb, run_b, "B", table_b)):
        with col:
            st.markdown(f"**{tag}**")
            c1, c2 = st.columns(2)
            c1.metric(page.t(".m.test_loss"), f"{r.test_loss[-1]:.4f}")
            c2.metric(page.t(".m.test_acc"), f"{r.test_acc[-1]:.1%}")
            page.chart(lambda r=r, tab=tab: charts.regions(pg.decision_image(r), tab, lbl, pts.classes, height=380),
                       tab, f"regions_{tag}", alt=describe.playground.compared(tag, r, ui.lang()))
    page.chart(lambda: charts.loss_curves(both, None, lbl, by="run"), both, "loss_ab",
               alt=lambda: describe.playground.compared_losses(run, run_b, ui.lang()))

# --- try, why, code ------------------------------------------------------------------------------------
st.divider()
page.try_this(pg.TRY_THIS)
with page.why():
    st.markdown(page.t(".why.model"))
    st.latex(page.t(".latex.loss"))
    st.markdown(page.t(".why.update"))
    st.latex(page.t(".latex.update"))
page.code()
