"""The bilingual glossary: each term and the lesson that shows it. Texts: strings/glossary.py."""

from __future__ import annotations

from typing import Any

from nnviz.lessons import BY_SLUG

# term id → slug of the lesson where the learner sees it
TERMS: dict[str, str] = {
    "neuron": "perceptron",
    "perceptron": "perceptron",
    "weight": "perceptron",
    "bias": "perceptron",
    "decision_boundary": "perceptron",
    "linearly_separable": "perceptron",
    "loss": "perceptron",
    "bce": "perceptron",
    "learning_rate": "perceptron",
    "gradient_descent": "perceptron",
    "epoch": "perceptron",
    "hidden_layer": "xor",
    "mlp": "xor",
    "local_minimum": "xor",
    "backprop": "backprop",
    "chain_rule": "backprop",
    "gradient": "backprop",
    "autograd": "backprop",
    "computational_graph": "backprop",
    "zero_grad": "backprop",
    "activation": "activations",
    "vanishing_gradient": "activations",
    "exploding_gradient": "activations",
    "dead_relu": "activations",
    "saturation": "activations",
    "initialization": "init",
    "xavier": "init",
    "he": "init",
    "symmetry": "init",
    "dropout": "dropout",
    "overfitting": "dropout",
    "eval_mode": "dropout",
    "inverted_dropout": "dropout",
}

assert set(TERMS.values()) <= set(BY_SLUG)


def _squash(text: str) -> str:
    """Lower case without spaces: "경사하강법" finds "경사 하강법", "zero grad" finds "zero_grad()"."""
    return "".join(text.lower().replace("_", " ").split())


def entries(lang: str, query: str = "") -> list[dict]:
    """Glossary rows (id, ko, en, definition, slug) whose terms, tutorial spellings (the term list's
    variants) or definition contain ``query``, spaces ignored; entries it names come first."""
    from nnviz.i18n import t
    from nnviz.strings.terms import aliases

    q = _squash(query)
    rows = []
    for term, slug in TERMS.items():
        row: dict[str, Any] = {"id": term, "ko": t(f"glossary.term.{term}", "ko"), "en": t(f"glossary.term.{term}", "en"),
               "definition": t(f"glossary.def.{term}", lang), "slug": slug}
        names = (row["ko"], row["en"], *aliases(term))
        if not q or any(q in _squash(text) for text in (*names, row["definition"])):
            row["by_name"] = not q or any(q in _squash(text) for text in names)
            rows.append(row)
    return sorted(rows, key=lambda r: not r.pop("by_name"))  # terms named by the query first
