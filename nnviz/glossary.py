"""The bilingual glossary: each term and the lesson that shows it. Texts: strings/glossary.py."""

from __future__ import annotations

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


def entries(lang: str, query: str = "") -> list[dict]:
    """Glossary rows (id, ko, en, definition, slug) whose terms or definition contain ``query``."""
    from nnviz.i18n import t

    q = query.strip().lower()
    rows = []
    for term, slug in TERMS.items():
        row = {"id": term, "ko": t(f"glossary.term.{term}", "ko"), "en": t(f"glossary.term.{term}", "en"),
               "definition": t(f"glossary.def.{term}", lang), "slug": slug}
        if not q or any(q in row[k].lower() for k in ("ko", "en", "definition")):
            rows.append(row)
    return rows
