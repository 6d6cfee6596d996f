"""The walk's steps as LaTeX, with the numbers in: each forward step's definition = numbers = value, each
backward step's chain rule (upstream gradient × local derivative) = numbers = value, and for a parameter
the chain rule written out along every path from the loss."""

from __future__ import annotations

import numpy as np

from nnviz.backprop.ops import Value
from nnviz.backprop.records import Step

MAX_PATHS = 16  # the chain rule written out path by path is kept only up to this many paths


def _num(v: float) -> str:
    """A number for a formula: 4 significant digits, powers of ten written out."""
    if v == 0:
        return "0"
    s = format(float(v), ".4g")
    if "e" in s:
        mant, exp = s.split("e")
        return rf"{mant}\times 10^{{{int(exp)}}}"
    return s


def _val(values, paren: bool = True) -> str:
    """One value, or a vector of per-sample values in brackets."""
    values = np.atleast_1d(np.asarray(values, dtype=float))
    if values.size == 1:
        s = _num(values[0])
        return f"({s})" if paren else s
    return r"\left[" + r",\ ".join(_num(v) for v in values) + r"\right]"


def _sv(values) -> str:
    """A value inside a sum or difference: parenthesised only when negative (or a vector)."""
    values = np.atleast_1d(np.asarray(values, dtype=float))
    return _val(values, paren=values.size == 1 and values[0] < 0)


def _d(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


_ACT_TEX = {  # a = f(z): the definition, with %(z)s for z
    "sigmoid": r"\sigma(%(z)s)",
    "tanh": r"\tanh(%(z)s)",
    "relu": r"\max(0,\ %(z)s)",
    "leaky_relu": r"\max(%(s)s\,%(z)s,\ %(z)s)",
    "elu": r"\mathrm{ELU}(%(z)s)",
    "gelu": r"\mathrm{GELU}(%(z)s)",
    "silu": r"%(z)s\,\sigma(%(z)s)",
    "softplus": r"\ln(1+e^{%(z)s})",
    "linear": r"%(z)s",
}
_ACT_LOCAL_TEX = {  # ∂a/∂z, with %(z)s and %(a)s
    "sigmoid": r"%(a)s\left(1-%(a2)s\right)",
    "tanh": r"1-\left(%(a)s\right)^2",
    "relu": r"\mathbb{1}[%(z)s>0]",
    "leaky_relu": r"\begin{cases}1 & %(z)s>0\\ %(s)s & %(z)s\le 0\end{cases}",
    "elu": r"\begin{cases}1 & %(z)s>0\\ %(a)s+%(s)s & %(z)s\le 0\end{cases}",
    "gelu": r"\Phi(%(z)s)+%(z)s\,\varphi(%(z)s)",
    "silu": r"\sigma(%(z)s)\left(1+%(z)s\left(1-\sigma(%(z)s)\right)\right)",
    "softplus": r"\sigma(%(z)s)",
    "linear": "1",
}
_LOSS_TEX = {"mse": r"\left(%(a)s-%(y)s\right)^2", "bce": r"%(y)s\,\ln %(a)s+(1-%(y)s)\ln(1-%(a)s)"}
_LOSS_SIGN = {"mse": "", "bce": "-"}  # BCE: L = −(1/N) Σ [y ln a + (1 − y) ln(1 − a)]
_LOSS_LOCAL_TEX = {
    "mse": r"\frac{2}{%(n)s}\left(%(a)s-%(y)s\right)",
    "bce": r"\frac{1}{%(n)s}\,\frac{%(a)s-%(y)s}{%(a)s(1-%(a)s)}",
}


def _fmt_arg(arg) -> str:
    if arg is None:
        return ""
    if isinstance(arg, tuple):
        return _num(arg[0])
    return _num(arg)




def forward_steps(groups, tex, args, loss) -> tuple[Step, ...]:
    """The forward walk: the inputs, each weighted sum and activation, the loss. ``tex``: each node's
    LaTeX symbol; ``args``: each activation's parameter (e.g. leaky_relu's slope)."""
    steps = []
    inputs, targets = groups[0], groups[-2]
    xs = ",\\ ".join(_val(v.data, paren=False) for v in inputs)
    ys = ",\\ ".join(_val(t.data, paren=False) for t in targets)
    x_tex = ", ".join(tex[v.id] for v in inputs)
    y_tex = ", ".join(tex[t.id] for t in targets)
    steps.append(
        Step(
            "forward",
            tuple(v.id for v in inputs + targets),
            (),
            r"x,\ y",
            rf"({x_tex}) = ({xs}),\quad {y_tex} = {ys}",
            tuple(float(t) for v in inputs for t in v.data),
            "input",
        )
    )
    for group in groups[1:-2]:
        for v in group:
            if v.kind == "z":
                steps.append(_forward_linear(v, tex))
            elif v.kind == "a":
                steps.append(_forward_act(v, tex, args))
    Lv = groups[-1][0]
    steps.append(_forward_loss(Lv, tex, loss))
    return tuple(steps)


def _forward_linear(z: Value, tex) -> Step:
    pairs = [(z.parents[i], z.parents[i + 1]) for i in range(0, len(z.parents) - 1, 2)]
    bias = z.parents[-1] if len(z.parents) % 2 else None
    sym = " + ".join(rf"{tex[w.id]}\,{tex[a.id]}" for w, a in pairs)
    nums = " + ".join(rf"{_val(w.data)}{_val(a.data)}" for w, a in pairs)
    if bias is not None:
        sym += f" + {tex[bias.id]}"
        nums += f" + {_val(bias.data)}"
    formula = rf"{tex[z.id]} = {sym} = {nums} = {_val(z.data, paren=False)}"
    return Step("forward", (z.id,), tuple(p.id for p in z.parents), tex[z.id], formula, _tuple(z.data), "linear")


def _forward_act(a: Value, tex, args) -> Step:
    z = a.parents[0]
    arg = _fmt_arg(args.get(a.id))
    sym = _ACT_TEX[a.op] % {"z": tex[z.id], "s": arg}
    num = _ACT_TEX[a.op] % {"z": _val(z.data, paren=False), "s": arg}
    if a.op == "sigmoid" and z.data.size == 1:
        num = r"\frac{1}{1+e^{-%s}}" % _sv(z.data)  # σ(z) = 1/(1 + e^{−z}) with z in
    formula = rf"{tex[a.id]} = {sym} = {num} = {_val(a.data, paren=False)}"
    return Step("forward", (a.id,), (z.id,), tex[a.id], formula, _tuple(a.data), "activation")


def _forward_loss(L: Value, tex, loss) -> Step:
    outs = [p for p in L.parents if p.kind != "target"]
    tgts = [p for p in L.parents if p.kind == "target"]
    n = sum(o.data.size for o in outs)
    sym_terms = [_LOSS_TEX[loss] % {"a": tex[o.id], "y": tex[t.id]} for o, t in zip(outs, tgts)]
    num_terms = []
    for o, t in zip(outs, tgts):
        for s in range(o.data.size):
            num_terms.append(_LOSS_TEX[loss] % {"a": _sv(o.data[s]), "y": _sv(t.data[s])})
    if len(num_terms) > 8:
        num_terms = num_terms[:3] + [r"\cdots"] + num_terms[-1:]
    sign = _LOSS_SIGN[loss]
    if n == 1:
        sym, num = sym_terms[0], num_terms[0]
        if sign:
            sym, num = rf"{sign}\left[{sym}\right]", rf"{sign}\left[{num}\right]"
    else:
        sum_over = r"\sum_{n}" if len(outs) == 1 else r"\sum_{n,k}"
        inner = sym_terms[0] if len(outs) == 1 else r"\ell_{n,k}"
        sym = rf"{sign}\frac{{1}}{{{n}}}{sum_over}" + (rf"\left[{inner}\right]" if sign else inner)
        num = (
            rf"{sign}\frac{{1}}{{{n}}}\left("
            + " + ".join(rf"\left[{t}\right]" if sign else t for t in num_terms)
            + r"\right)"
        )
    formula = rf"L = {sym} = {num} = {_num(float(L.data))}"
    return Step("forward", ("L",), tuple(p.id for p in L.parents), "L", formula, (float(L.data),), "loss")


def _tuple(a) -> tuple[float, ...]:
    return tuple(float(t) for t in np.atleast_1d(a))


def _local_tex(child: Value, parent: Value, tex, args, n_loss: int) -> str:
    """∂child/∂parent written with symbols (the local derivative's textbook form)."""
    if child.op == "linear":
        i = child.parents.index(parent)
        if parent.kind == "bias":
            return "1"
        return tex[child.parents[i + 1].id] if parent.kind == "weight" else tex[child.parents[i - 1].id]
    if child.kind == "a":
        return _ACT_LOCAL_TEX[child.op] % {
            "z": tex[parent.id],
            "a": tex[child.id],
            "a2": tex[child.id],
            "s": _fmt_arg(args.get(child.id)),
        }
    # the loss: ∂L/∂a
    target = _target_of(child, parent)
    if n_loss == 1 and child.op == "mse":
        return rf"2\left({tex[parent.id]}-{tex[target.id]}\right)"
    if n_loss == 1 and child.op == "bce":
        return rf"\frac{{{tex[parent.id]}-{tex[target.id]}}}{{{tex[parent.id]}(1-{tex[parent.id]})}}"
    return _LOSS_LOCAL_TEX[child.op] % {"a": tex[parent.id], "y": tex[target.id], "n": n_loss}


def backward_steps(groups, tex, args, loss, batch) -> tuple[Step, ...]:
    """The backward walk: ∂L/∂L = 1, then every node's gradient from the loss back to the first layer."""
    Lv = groups[-1][0]
    n_loss = sum(p.data.size for p in Lv.parents if p.kind != "target")
    steps = [Step("backward", ("L",), (), _d("L", "L"), rf"{_d('L', 'L')} = 1", (1.0,), "seed", terms=(((1.0,),),))]
    for group in reversed(groups[1:-2]):
        for v in group:
            steps.append(_backward_step(v, tex, args, n_loss, loss, batch))
    return tuple(steps)


def _backward_step(v: Value, tex, args, n_loss, loss, batch) -> Step:
    """∂L/∂v: the chain rule as backprop applies it, upstream gradient (already computed) × local derivative."""
    name = _d("L", tex[v.id])
    is_param = v.kind in ("weight", "bias")
    # upstream gradient and local derivative, both one number per sample (∂L/∂L = 1 is one for all)
    received = [(c, *np.broadcast_arrays(np.asarray(g), np.asarray(loc))) for c, g, loc in v.received]
    children = [c for c, _, _ in v.received]
    if len(children) == 1 and children[0].kind == "loss":
        kind = "loss_grad"
        # ∂L/∂L = 1: the first factor is left out
        local = _local_tex(children[0], v, tex, args, n_loss)
        nums = _loss_local_numbers(children[0], v, tex, n_loss, loss)
        formula = rf"{name} = {local} = {nums} = {_val(v.grad, paren=False)}"
    else:
        kind = "param_grad" if is_param else ("act_grad" if children[0].kind == "a" else "sum_grad")
        lines = _chain_lines(v, received, tex, args, n_loss, batch)
        if kind == "act_grad" and children[0].op == "sigmoid" and loss == "bce" and _feeds_loss(children[0]):
            lines.append(_bce_after_sigmoid(v, children[0], tex, n_loss))
        formula = r"\begin{aligned}" + rf"{name} &= " + r"\\ &= ".join(lines) + r"\end{aligned}"
    paths, chain = _paths(v, tex, n_loss, batch) if is_param else (None, "")
    return Step(
        "backward",
        (v.id,),
        tuple(dict.fromkeys(c.id for c in children)),
        name,
        formula,
        _tuple(v.grad),
        kind,
        terms=tuple((_tuple(g), _tuple(loc)) for _, g, loc in received),
        reduce=is_param,
        paths=paths,
        chain=chain,
    )


def _chain_lines(v: Value, received, tex, args, n_loss, batch) -> list[str]:
    """∂L/∂v = Σ over v's consumers c of ∂L/∂c · ∂c/∂v: as symbols, with the local derivatives written
    out, with the numbers, and its value (one line each)."""
    children = [c for c, _, _ in received]
    generic = " + ".join(rf"{_d('L', tex[c.id])}\,{_d(tex[c.id], tex[v.id])}" for c in children)
    with_local = " + ".join(
        rf"{_d('L', tex[c.id])}\cdot {_paren(_local_tex(c, v, tex, args, n_loss))}" for c in children
    )
    if v.kind in ("weight", "bias") and batch > 1:  # shared by the samples: summed over them
        generic, with_local = r"\sum_{n}" + generic, r"\sum_{n}" + with_local
    nums = " + ".join(_chain_numbers(v, received, batch))
    return [generic, with_local, nums, _val(v.grad, paren=False)]


def _chain_numbers(v: Value, received, batch) -> list[str]:
    """The products upstream × local with their numbers, one per consumer (per sample for a parameter
    shared by a mini-batch); long sums are cut in the middle."""
    is_param = v.kind in ("weight", "bias")
    parts = []
    for c, g, loc in received:
        if is_param and batch > 1:  # shared by the samples: one product per sample, added up
            parts += [_val(g[s]) if v.kind == "bias" else f"{_val(g[s])}{_val(loc[s])}" for s in range(batch)]
            continue
        local_num, join = _val(loc), r"\odot" if batch > 1 and not is_param else r"\cdot"
        if c.op == "linear" and batch > 1:  # ∂z/∂a = w: one weight shared by all samples
            local_num, join = _val(loc[0]), r"\cdot"
        if c.kind == "a" and c.op in ("sigmoid", "tanh") and batch == 1:
            # show where σ′ or tanh′ comes from: a(1 − a) with a's value in it
            a_num = float(c.data[0])
            inner = _ACT_LOCAL_TEX[c.op] % {
                "a": _val(a_num) if c.op == "sigmoid" else _num(a_num),
                "a2": _sv(a_num),
                "z": _sv(v.data),
                "s": "",
            }
            local_num = rf"\underbrace{{{inner}}}_{{{_num(float(loc[0]))}}}"
        parts.append(rf"{_val(g)}{join}{local_num}")
    return parts[:4] + [r"\cdots"] + parts[-2:] if len(parts) > 12 else parts


def _bce_after_sigmoid(z: Value, a: Value, tex, n_loss) -> str:
    """BCE after a sigmoid: (a − y)/(a(1 − a)) · a(1 − a) = a − y, the famous simplification (a last line)."""
    y = _target_of(a.received[0][0], a)
    simple = rf"{tex[a.id]}-{tex[y.id]}"
    if n_loss > 1:
        simple = rf"\frac{{1}}{{{n_loss}}}\left({simple}\right)"
    return rf"{simple} = {_val(z.grad, paren=False)}"


def _target_of(L: Value, a: Value) -> Value:
    """The target the loss ``L`` compares output ``a`` with."""
    return [p for p in L.parents if p.kind == "target"][L.parents.index(a)]


def _paren(s: str) -> str:
    needs = any(ch in s for ch in "+-") or r"\begin" in s
    return rf"\left({s}\right)" if needs else s


def _feeds_loss(a: Value) -> bool:
    return len(a.received) == 1 and a.received[0][0].kind == "loss"


def _loss_local_numbers(Lv: Value, a: Value, tex, n_loss, loss) -> str:
    y = _target_of(Lv, a)
    av, yv = _sv(a.data), _sv(y.data)
    if loss == "mse":
        return rf"2\left({av}-{yv}\right)" if n_loss == 1 else rf"\frac{{2}}{{{n_loss}}}\left({av}-{yv}\right)"
    frac = rf"\frac{{{av}-{yv}}}{{{_val(a.data)}\left(1-{av}\right)}}"
    return frac if n_loss == 1 else rf"\frac{{1}}{{{n_loss}}}\,{frac}"


def _paths(v: Value, tex, n_loss, batch):
    """Every path from the loss down to ``v``: its local derivatives (the chain rule written out)."""
    found: list[list[tuple[Value, Value, np.ndarray]]] = []

    def walk(node: Value, suffix: list) -> bool:
        for child, _, local in node.received:
            step = (child, node, np.broadcast_to(local, (batch,)))
            if child.kind == "loss":
                found.append([step] + suffix)
            elif not walk(child, [step] + suffix):
                return False
            if len(found) > MAX_PATHS:
                return False
        return True

    if not walk(v, []):
        return None, ""
    paths = tuple(tuple(_tuple(local) for _, _, local in path) for path in found)
    syms = [r"\,".join(_d(tex[c.id], tex[p.id]) for c, p, _ in path) for path in found]
    value = sum(float(np.prod([np.asarray(f) for f in p], axis=0).sum()) for p in paths)
    lhs = _d("L", tex[v.id])
    if batch > 1:
        sym = " + ".join(syms)
        chain = rf"{lhs} = \sum_{{n}}\left({sym}\right)_n = {_num(value)}"
        return paths, chain
    nums = ["".join(_val(f[0]) for f in p) for p in paths]
    if len(found) == 1:
        chain = rf"{lhs} = {syms[0]} = {nums[0]} = {_num(value)}"
    else:  # one path per line: the products add up
        body = r"\\ &\quad + ".join(syms) + r"\\ &= " + r"\\ &\quad + ".join(nums)
        chain = r"\begin{aligned}" + rf"{lhs} &= {body}\\ &= {_num(value)}" + r"\end{aligned}"
    return paths, chain


