"""The six topics of the app: their URL path and icon. Titles and questions are i18n keys."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str  # URL path, the file name under pages/, and the i18n key prefix
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.slug}.py"

    @property
    def title_key(self) -> str:
        return f"{self.slug}.title"

    @property
    def question_key(self) -> str:
        return f"{self.slug}.question"


TOPICS: tuple[Topic, ...] = (
    Topic("perceptron", ":material/linear_scale:"),
    Topic("xor", ":material/hub:"),
    Topic("backprop", ":material/undo:"),
    Topic("activations", ":material/show_chart:"),
    Topic("init", ":material/casino:"),
    Topic("dropout", ":material/grid_off:"),
)

BY_SLUG = {t.slug: t for t in TOPICS}
