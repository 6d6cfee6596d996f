"""The /dropout page in AppTest (defaults, widgets, URL states, the trap, both languages) and in Chromium."""

import pytest
from conftest import assert_clean, charts, metric, open_page, texts

from nnviz import dropout as D

FAST = dict(hidden="64", epochs="200")  # a light Part 2 where the test is about something else


def _final(**kw):
    v = {**{k: D.SETTINGS.defaults()[k] for k in ("n", "noise", "hidden", "p", "lr", "epochs", "seed", "optimizer")},
         **kw}
    return D.overfit_experiment(**v).final


def test_default_view_shows_the_tutorial_experiment():
    at = open_page("dropout")
    assert_clean(at)
    f = _final()
    assert metric(at, "without dropout: train loss") == f"{f.loc['plain', 'train']:.4f}"
    assert metric(at, "without dropout: test loss") == f"{f.loc['plain', 'test']:.4f}"
    assert metric(at, "with Dropout(0.8): gap (test − train)") == f"{f.loc['dropout', 'gap']:.4f}"
    demo = D.mask_demo(D.input_values("ramp"), 0.8, D.mask_seed(1, 0))
    assert metric(at, "Units kept") == f"{demo.kept} / 256"
    assert metric(at, "Kept units × 1/(1 − p)") == "5"
    assert metric(at, "Eval mode: output − input") == "max |diff| = 0"
    assert "probability to drop" in texts(at)
    assert len(charts(at)) >= 8
    q = at.query_params
    assert q["p"] == "0.8" and q["hidden"] == "512" and q["epochs"] == "1000" and q["seed"] == "1"


def test_sample_a_new_mask_counts_the_draw_up_and_redraws():
    at = open_page("dropout", inputs="ones", p="0.5", **FAST)
    at.button(key="dropout.new_mask").click().run()
    assert_clean(at)
    assert at.query_params["draw"] == "1"
    demo = D.mask_demo(D.input_values("ones"), 0.5, D.mask_seed(1, 1))
    assert metric(at, "Units kept") == f"{demo.kept} / 256"
    assert metric(at, "Kept units × 1/(1 − p)") == "2"
    grid = D.mask_demo(D.input_values("ones"), 0.5, D.mask_seed(1, 0))
    assert not grid.mask.equal(demo.mask)  # a different mask was drawn


def test_changing_p_writes_the_url_and_retrains_the_dropout_net():
    at = open_page("dropout", **FAST)
    at.slider(key="dropout.p").set_value(0.5).run()
    assert_clean(at)
    assert at.query_params["p"] == "0.5"
    f = _final(p=0.5, hidden=64, epochs=200)
    assert metric(at, "with Dropout(0.5): test loss") == f"{f.loc['dropout', 'test']:.4f}"
    assert "nn.Dropout(0.5)" in texts(at)


def test_a_link_reproduces_the_view():
    first = open_page("dropout", p="0.3", inputs="randn", draw="5", n="60", noise="0.5", hidden="32",
                      optimizer="sgd", lr="0.1", epochs="300", seed="7")
    assert_clean(first)
    again = open_page("dropout", **dict(first.query_params))
    assert [m.value for m in again.metric] == [m.value for m in first.metric]
    f = _final(p=0.3, n=60, noise=0.5, hidden=32, optimizer="sgd", lr=0.1, epochs=300, seed=7)
    assert metric(again, "without dropout: train loss") == f"{f.loc['plain', 'train']:.4f}"


def test_bad_url_values_warn_by_name_and_fall_back():
    at = open_page("dropout", p="abc", hidden="100000", optimizer="rmsprop", lr="0.002", bogus="1", **{"epochs": "200"})
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for name in ("p=abc", "hidden=100000", "optimizer=rmsprop", "lr=0.002", "bogus=1"):
        assert name in warnings, name
    assert at.query_params["p"] == "0.8" and at.query_params["hidden"] == "512"


def test_huge_learning_rate_is_explained_with_the_curve_up_to_that_step():
    at = open_page("dropout", optimizer="sgd", lr="10", **FAST)
    assert_clean(at)
    r = D.overfit_experiment(hidden=64, epochs=200, optimizer="sgd", lr=10.0)
    div = r.divergence["plain"]
    assert any(f"Training diverged at step {div.step}" in e.value for e in at.error)
    assert "The net without dropout diverged." in texts(at)
    assert charts(at)


def test_predict_again_changes_the_train_mode_answer_but_not_the_eval_mode_one():
    at = open_page("dropout", **FAST)
    r = D.overfit_experiment(hidden=64, epochs=200)
    presses = D.forgot_eval(r, x=0.5, presses=4, seed=1)
    train = presses[presses["mode"] == "train"].prediction.tolist()
    ev = presses[presses["mode"] == "eval"].prediction.tolist()
    label_train, label_eval = "`net(x)` — forgot `net.eval()`", "`net.eval(); net(x)`"
    assert metric(at, label_train) == f"{train[2]:.5f}"
    assert metric(at, label_eval) == f"{ev[2]:.5f}"
    at.button(key="dropout.trap.again").click().run()
    assert_clean(at)
    assert metric(at, label_train) == f"{train[3]:.5f}" != f"{train[2]:.5f}"
    assert metric(at, label_eval) == f"{ev[3]:.5f}" == f"{ev[2]:.5f}"
    at.button(key="dropout.trap.reset").click().run()
    assert metric(at, label_train) == f"{train[0]:.5f}"


def test_korean_page_is_korean():
    at = open_page("dropout", lang="ko", **FAST)
    assert_clean(at)
    assert at.title[0].value == "드롭아웃"
    body = texts(at)
    assert "PyTorch의 `p`는 끌(drop) 확률입니다" in body and "과적합" in body
    assert metric(at, "살아남은 유닛")
    assert "Units kept" not in [m.label for m in at.metric]
    assert "Inside one dropout layer" not in body
    assert "드롭아웃 층 하나" in at.code[0].value


def test_code_export_is_on_the_page_with_the_current_settings():
    at = open_page("dropout", p="0.5", **FAST)
    code = at.code[0].value
    assert "p = 0.5" in code and "nn.Dropout(p)" in code and "range(200)" in code
    assert "nn.Linear(1, 64)" in code and "net.eval()" in code


def test_why_has_the_maths_and_the_ensemble_check():
    at = open_page("dropout", **FAST)
    assert len(at.latex) >= 3
    assert any(r"\mathrm{Bernoulli}(1-p)" in x.value for x in at.latex)
    r = D.overfit_experiment(hidden=64, epochs=200)
    c = r.curves
    z = ((c.band_mean - c.dropout).abs() / (c.band_sd / r.band_masks ** 0.5)).max()
    assert f"by at most {z:.1f} sampling errors" in texts(at)


def test_p_zero_keeps_every_unit_and_makes_both_nets_the_same():
    at = open_page("dropout", p="0", **FAST)
    assert_clean(at)
    assert metric(at, "Units kept") == "256 / 256"
    assert metric(at, "Kept units × 1/(1 − p)") == "1"
    assert metric(at, "without dropout: test loss") == metric(at, "with Dropout(0): test loss")
    assert "At p = 0 nothing is dropped" in texts(at)


@pytest.mark.e2e
def test_in_a_real_browser_predict_again_reruns_only_the_trap_and_new_mask_writes_the_url():
    from playwright.sync_api import sync_playwright

    from e2e.server import CHROMIUM, CHROMIUM_ARGS, page_errors, settle, streamlit_server

    def trap_values(page):
        # the two bordered metrics of the trap: train mode first, eval mode second
        return [m.inner_text().split("\n")[-3].strip() for m in page.locator('[data-testid="stMetric"]').all()[-2:]]

    with streamlit_server() as (base, _), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/dropout?lang=en&hidden=64&epochs=200", wait_until="domcontentloaded")
            settle(page)
            assert page_errors(page) == []
            r = D.overfit_experiment(hidden=64, epochs=200)
            want = D.forgot_eval(r, x=0.5, presses=5, seed=1)
            train = [f"{v:.5f}" for v in want[want["mode"] == "train"].prediction]
            ev = f"{want[want['mode'] == 'eval'].prediction.iloc[0]:.5f}"
            assert trap_values(page) == [train[2], ev]
            for k in (3, 4):
                page.get_by_role("button", name="Predict again").click()
                page.wait_for_function(f"() => document.body.innerText.includes('prediction {k + 1};')", timeout=60_000)
                assert trap_values(page) == [train[k], ev]
            page.get_by_role("button", name="Sample a new mask").click()
            page.wait_for_url("**draw=1**", timeout=60_000)
            settle(page)
            assert page_errors(page) == []
        finally:
            browser.close()


def test_paper_check_puts_srivastavas_k_beside_ours():
    from nnviz.papers import srivastava as S

    at = open_page("dropout", paper="1", epochs="100")
    assert_clean(at)
    sv = S.compare(0.8, 128, 200, 1)
    assert metric(at, "Test error, weight scaling (eval)") == f"{sv['scaled_error'].iloc[0]:.2%}"
    assert metric(at, "Test error, average of 200 thinned nets") == f"{sv['mc_error'].iloc[-1]:.2%}"
    text = texts(at)
    k = S.matched_at(sv, 1 / S.test_size(1))
    assert (f"From k = {k} on" in text) if k is not None else ("even 200 thinned nets stay" in text)
    assert "Srivastava, Geoffrey Hinton" in text and "Fig. 11" in text
