"""The app's lessons, one record each: what the shell (sidebar, home), code export and tests read.

A lesson is ``pages/<slug>.py`` (layout only), its library (``nnviz/<module>``), its settings table
(a :class:`~nnviz.params.Spec`, the page's URL), its script export (``nnviz/codegen/<slug>.py``) and its
strings (``nnviz/strings/<slug>.py``, keys ``<slug>.…``; title and question in strings/topics.py).
Adding one: docs/adding-a-lesson.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from nnviz import activations, backprop, dropout, gradients, init, perceptron, playground, xor
from nnviz.codegen import activations as activations_code
from nnviz.codegen import backprop as backprop_code
from nnviz.codegen import dropout as dropout_code
from nnviz.codegen import init as init_code
from nnviz.codegen import perceptron as perceptron_code
from nnviz.codegen import playground as playground_code
from nnviz.codegen import xor as xor_code
from nnviz.params import Spec


@dataclass(frozen=True)
class Lesson:
    """One page of the app: its URL path, icon, settings, library modules, script export and strings."""

    slug: str  # URL path and the file name under pages/
    icon: str
    settings: Spec = field(default_factory=Spec)
    modules: tuple[ModuleType, ...] = ()  # the nnviz modules that compute what the page shows
    script: Callable[[dict, str], str] | None = None  # (values, lang) → the runnable PyTorch script
    strings: str = ""  # i18n key prefix ("" → the slug)
    on_home: bool = True  # a card on the home page (the glossary is a reference, not a lesson)

    @property
    def path(self) -> str:
        return f"pages/{self.slug}.py"

    @property
    def prefix(self) -> str:
        return self.strings or self.slug

    @property
    def title_key(self) -> str:
        return f"{self.prefix}.title"

    @property
    def question_key(self) -> str:
        return f"{self.prefix}.question"


LESSONS: tuple[Lesson, ...] = (
    Lesson("perceptron", ":material/linear_scale:", perceptron.SETTINGS, (perceptron,), perceptron_code.script),
    Lesson("xor", ":material/hub:", xor.SETTINGS, (xor,), xor_code.script),
    Lesson("backprop", ":material/undo:", backprop.SETTINGS, (backprop,), backprop_code.script),
    Lesson("activations", ":material/show_chart:", gradients.SETTINGS, (gradients, activations), activations_code.script),
    Lesson("init", ":material/casino:", init.SETTINGS, (init,), init_code.script),
    Lesson("dropout", ":material/grid_off:", dropout.SETTINGS, (dropout,), dropout_code.script),
    Lesson("playground", ":material/toys:", playground.SETTINGS, (playground,), playground_code.script),
)
GLOSSARY = Lesson("glossary", ":material/menu_book:", on_home=False)

PAGES: tuple[Lesson, ...] = (*LESSONS, GLOSSARY)  # the sidebar's order
BY_SLUG: dict[str, Lesson] = {lesson.slug: lesson for lesson in PAGES}
HOME: tuple[Lesson, ...] = tuple(lesson for lesson in PAGES if lesson.on_home)
