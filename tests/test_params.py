"""Settings tables: URL parsing, validation messages, formatting round trips."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnviz.params import MAX_RAW_LEN, Bool, Choice, Float, Int, ParamError, Spec, seed

SPEC = Spec(
    Int("steps", 100, lo=1, hi=1000),
    Float("lr", 1.0, lo=1e-4, hi=10.0),
    Float("p", 0.5, lo=0.0, hi=0.9, options=(0.0, 0.1, 0.5, 0.9)),
    Choice("act", "relu", options=("relu", "tanh")),
    Bool("eval", False),
    seed(),
)


def test_missing_keys_take_defaults_without_warnings():
    values, rejected = SPEC.parse_query({})
    assert values == SPEC.defaults() and rejected == []


def test_valid_values_are_parsed_to_their_types():
    values, rejected = SPEC.parse_query({"steps": "12", "lr": "0.05", "act": "TANH", "eval": "1", "p": "0.1"})
    assert rejected == []
    assert values == {"steps": 12, "lr": 0.05, "p": 0.1, "act": "tanh", "eval": True, "seed": 0}


@pytest.mark.parametrize(
    "query, name, reason",
    [
        ({"lr": "abc"}, "lr", "type"),
        ({"lr": "nan"}, "lr", "finite"),
        ({"lr": "inf"}, "lr", "finite"),
        ({"lr": "1e309"}, "lr", "finite"),
        ({"lr": "-1"}, "lr", "range"),
        ({"steps": "10000"}, "steps", "range"),
        ({"steps": "2.5"}, "steps", "type"),
        ({"act": "foo"}, "act", "choice"),
        ({"p": "0.3"}, "p", "choice"),
        ({"eval": "maybe"}, "eval", "type"),
        ({"zzz": "1"}, "zzz", "unknown"),
        ({"steps": ["1", "2"]}, "steps", "repeated"),
        ({"steps": "1" * (MAX_RAW_LEN + 1)}, "steps", "too_long"),
    ],
)
def test_bad_value_falls_back_to_default_and_is_named(query, name, reason):
    values, rejected = SPEC.parse_query(query)
    assert values == SPEC.defaults()
    assert [(r.name, r.reason) for r in rejected] == [(name, reason)]


def test_shell_keys_are_neither_used_nor_reported():
    values, rejected = SPEC.parse_query({"lang": "ko", "embed": "true"}, allowed_extra=("lang", "embed"))
    assert values == SPEC.defaults() and rejected == []


def test_check_names_argument_and_range():
    with pytest.raises(ValueError, match=r"lr must be between 0.0001 and 10, got 100.0"):
        SPEC.check(lr=100)
    with pytest.raises(ParamError, match=r"act must be one of \['relu', 'tanh'\]"):
        SPEC.check(act="gelu")
    with pytest.raises(ValueError, match="steps must be int"):
        SPEC.check(steps=True)


def test_check_accepts_numpy_like_integers():
    import numpy as np
    import torch

    assert SPEC.check(steps=np.int64(5), seed=torch.tensor(3)) == {"steps": 5, "seed": 3}


@given(st.dictionaries(st.text(max_size=12), st.one_of(st.text(max_size=60), st.lists(st.text(max_size=8), max_size=3))))
def test_any_query_parses_without_exception(query):
    values, rejected = SPEC.parse_query(query)
    assert set(values) == set(SPEC.names())
    for name, value in values.items():
        assert SPEC[name].check(value) == value  # every value used is valid
    assert len(rejected) <= len(query)


@given(st.floats(min_value=1e-4, max_value=10.0), st.integers(1, 1000), st.integers(0, 999_999))
def test_values_round_trip_through_the_url(lr, steps, s):
    values = {**SPEC.defaults(), "lr": lr, "steps": steps, "seed": s}
    parsed, rejected = SPEC.parse_query(SPEC.to_query(values))
    assert rejected == []
    assert parsed["steps"] == steps and parsed["seed"] == s
    assert math.isclose(parsed["lr"], lr, rel_tol=1e-11)
