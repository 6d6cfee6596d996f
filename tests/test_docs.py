"""The README's prepared links and docs/library.md's examples stay true."""

import re

import pytest
from conftest import ROOT, assert_clean, open_page

README = (ROOT / "README.md").read_text()
LINKS = re.findall(r"`(/[a-z]+\?[^`\s]+)`", README.split("## Classroom mode")[1].split("## Deploy")[0])
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "library.md").read_text(), re.S)


def test_readme_has_prepared_links():
    assert len(LINKS) >= 8


@pytest.mark.parametrize("link", LINKS)
def test_prepared_link_opens_its_page_with_every_setting_accepted(link):
    path, query = link.split("?", 1)
    params = dict(pair.split("=", 1) for pair in query.split("&"))
    at = open_page(path.strip("/"), **params)
    assert_clean(at)
    assert not [w.value for w in at.warning if "URL parameter" in w.value]
    for key, value in params.items():
        assert at.query_params[key] == value, (key, at.query_params[key])


@pytest.mark.parametrize("block", BLOCKS, ids=[b.splitlines()[0][:40] for b in BLOCKS])
def test_library_example_runs(block, capsys):
    exec(compile(block, "docs/library.md", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_library_chart_displays_itself_in_a_notebook():
    """The notebook block's last line is a chart: Jupyter shows a cell's last value by its rich display."""
    block = next(b for b in BLOCKS if "nnviz.charts" in b)
    *body, last = block.strip().splitlines()
    scope: dict = {}
    exec(compile("\n".join(body), "docs/library.md", "exec"), scope)
    bundle = eval(last.split("#")[0], scope)._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    vegalite = [v for k, v in data.items() if k.startswith("application/vnd.vegalite")]
    html = data.get("text/html", "")
    assert vegalite or ("vegaEmbed" in html and '"ln 2"' in html), list(data)
