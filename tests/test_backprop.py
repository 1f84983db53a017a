"""What the backpropagation page (optimization/backpropagation.md) claims, beyond its snippets' own asserts.

Every function and class tested here is loaded from the very snippet file the page shows, so a change to the page's
code is a change to what is tested:
- the scalar engine `Value` gives the gradients torch.autograd gives, on hundreds of random expressions with shared
  subexpressions (a node used twice), in float64; an engine that overwrites (`=`) instead of accumulating (`+=`)
  agrees on trees where every node is used once and fails as soon as a node is reused;
- one backward() visits every node of the graph once and gives every parameter's gradient, the gradient that
  central differences find with two forward passes per parameter;
- the hand-written backward pass of the two-layer MLP equals torch.autograd for several shapes and seeds, and a
  deliberately wrong one (tanh's derivative taken as 1 - h) fails the same check;
- the chain rule worked by hand, the PyTorch tab and the engine give the same numbers; the NumPy and PyTorch tabs
  of the MLP train to the same printed losses and accuracies.
"""

import contextlib
import io
import math
import random
import runpy
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import torch

from tests.snippet_code import snippet_definitions

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"
SEEDS = range(5)


@cache
def snippet(name: str) -> dict:
    """The globals of snippets/optimization/<name>.py after running it (its demo and asserts run too)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def definitions(name: str, replace: tuple[str, str] | None = None) -> dict:
    """Only the imports, functions and classes of a snippet, optionally with one line of its code changed."""
    return snippet_definitions(SNIPPETS / f"{name}.py", replace)


OVERWRITE = ("parent.grad += local_grad * node.grad", "parent.grad = local_grad * node.grad")


# --- the engine -------------------------------------------------------------------------------------------


def random_expression(value_class, rng: random.Random, n_leaves: int, n_ops: int, reuse: bool):
    """The same random expression built twice, with the engine and with torch (float64, CPU).

    With reuse, any earlier node may be an operand again (a graph with shared subexpressions); without it, every
    node is used once (a tree). Returns the engine's leaves, torch's leaves and both outputs."""
    leaves = [rng.uniform(-2, 2) for _ in range(n_leaves)]
    mine = [value_class(x) for x in leaves]
    theirs = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in leaves]
    pool = list(zip(mine, theirs))
    for _ in range(n_ops):
        pick = (lambda: pool[rng.randrange(len(pool))]) if reuse else (lambda: pool.pop(rng.randrange(len(pool))))
        if not pool:
            break
        a, ta = pick()
        op = rng.choice(["add", "mul", "sub", "neg", "const", "tanh", "exp", "log"])
        if op in ("add", "mul", "sub") and pool:
            b, tb = pick()
            new = {"add": (a + b, ta + tb), "mul": (a * b, ta * tb), "sub": (a - b, ta - tb)}[op]
        elif op == "const":
            c = rng.uniform(-2, 2)
            new = (c * a + c, c * ta + c)  # __rmul__ and __add__ with a plain number
        elif op == "exp" and abs(a.data) < 3:
            new = (a.exp(), ta.exp())
        elif op == "log" and a.data > 0.1:
            new = (a.log(), ta.log())
        elif op == "neg":
            new = (-a, -ta)
        else:
            new = (a.tanh(), ta.tanh())
        if abs(new[0].data) > 1e3:  # keep values (and their gradients) in a range float64 compares well
            new = (new[0].tanh(), new[1].tanh())
        pool.append(new)
    out, tout = pool[-1]
    if reuse:  # make the output depend on many nodes, some along several paths
        for node, tnode in pool[-4:-1]:
            out, tout = out + node * out, tout + tnode * tout
            out, tout = out.tanh(), tout.tanh()
    return mine, theirs, out, tout


def gradients_agree(value_class, rng, reuse: bool) -> bool:
    mine, theirs, out, tout = random_expression(value_class, rng, n_leaves=4, n_ops=12, reuse=reuse)
    out.backward()
    tout.backward()
    expected = [0.0 if t.grad is None else t.grad.item() for t in theirs]
    assert math.isclose(out.data, tout.item(), rel_tol=1e-12, abs_tol=1e-12)
    return all(math.isclose(m.grad, e, rel_tol=1e-9, abs_tol=1e-10) for m, e in zip(mine, expected))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reuse", [False, True], ids=["trees", "shared-nodes"])
def test_the_engine_matches_autograd_on_random_expressions(seed, reuse):
    value_class = snippet("backprop_value")["Value"]
    rng = random.Random(seed)
    failures = [index for index in range(60) if not gradients_agree(value_class, rng, reuse)]
    assert not failures, f"seed {seed}: the engine's gradients differ from torch.autograd on expressions {failures}"


@pytest.mark.parametrize("seed", SEEDS)
def test_an_engine_that_overwrites_is_right_on_trees_and_wrong_with_shared_nodes(seed):
    broken = definitions("backprop_value", OVERWRITE)["Value"]
    rng = random.Random(seed)
    assert all(gradients_agree(broken, rng, reuse=False) for _ in range(30))
    wrong = sum(not gradients_agree(broken, rng, reuse=True) for _ in range(30))
    assert wrong >= 20, f"seed {seed}: only {wrong} of 30 graphs with shared nodes expose the missing +="


def test_x_times_x_needs_accumulation():
    right, broken = snippet("backprop_value")["Value"], definitions("backprop_value", OVERWRITE)["Value"]
    for value_class, expected in ((right, 6.0), (broken, 3.0)):
        x = value_class(3.0)
        (x * x).backward()
        assert x.grad == expected


def test_one_backward_visits_every_node_once_and_gives_every_gradient():
    run = snippet("backprop_value")
    value_class = run["Value"]
    x = value_class(2.0)
    assert (x * x + x).backward() == 3  # nodes: x, x*x, x*x + x
    # The classifier's loss: one backward pass against two forward passes per parameter.
    parameters, points, score = run["parameters"], run["points"], run["score"]

    def loss():
        return sum(((-label * score(x1, x2)).exp() + 1).log() for x1, x2, label in points) * (1 / len(points))

    for p in parameters:
        p.grad = 0.0
    output = loss()
    n_nodes = output.backward()
    assert n_nodes == run["n_nodes"], "the page's count is of the same graph"
    by_backward = [p.grad for p in parameters]
    h, by_differences = 1e-6, []
    for p in parameters:
        saved = p.data
        p.data = saved + h
        up = loss().data
        p.data = saved - h
        down = loss().data
        p.data = saved
        by_differences.append((up - down) / (2 * h))
    assert np.allclose(by_backward, by_differences, atol=1e-8)
    assert len(by_differences) == len(parameters) == 13


# --- the chain rule by hand -------------------------------------------------------------------------------


def test_the_hand_worked_numbers_are_autograds_and_the_engines():
    by_hand, by_torch, engine = (
        snippet("backprop_chain_rule_numpy"),
        snippet("backprop_chain_rule_torch"),
        snippet("backprop_value"),
    )
    for name, tensor in (("dL_dw", "w"), ("dL_db", "b"), ("dL_dx", "x")):
        assert by_hand[name] == pytest.approx(by_torch[tensor].grad.item(), rel=1e-12)
    assert by_hand["dL_dz"] == pytest.approx(by_torch["z"].grad.item(), rel=1e-12)
    assert by_hand["dL_da"] == pytest.approx(by_torch["a"].grad.item(), rel=1e-12)
    # The engine's section 1 is the same neuron; its variables were reused by the training, so rebuild it.
    value_class = engine["Value"]
    x, w, b = value_class(by_hand["x"]), value_class(by_hand["w"]), value_class(by_hand["b"])
    error = (w * x + b).tanh() - by_hand["y"]
    (error * error).backward()
    assert (w.grad, b.grad, x.grad) == pytest.approx((by_hand["dL_dw"], by_hand["dL_db"], by_hand["dL_dx"]), rel=1e-12)


# --- the two-layer MLP ------------------------------------------------------------------------------------


def autograd_gradients(params: dict, x: np.ndarray, y: np.ndarray) -> dict:
    tensors = {name: torch.tensor(value, requires_grad=True) for name, value in params.items()}
    hidden = torch.tanh(torch.tensor(x) @ tensors["W1"] + tensors["b1"])
    logits = hidden @ tensors["W2"] + tensors["b2"]
    torch.nn.functional.cross_entropy(logits, torch.tensor(y)).backward()
    return {name: tensor.grad.numpy() for name, tensor in tensors.items()}


def largest_gap(functions: dict, seed: int) -> float:
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out, n = rng.integers(2, 12, size=4)
    params = functions["init_params"](n_in, n_hidden, n_out, rng)
    params["b1"] = rng.normal(size=n_hidden)  # non-zero biases, so that they are tested too
    params["b2"] = rng.normal(size=n_out)
    x, y = rng.normal(size=(n, n_in)), rng.integers(0, n_out, size=n)
    by_hand = functions["backward"](params, functions["forward"](params, x, y)[1])
    expected = autograd_gradients(params, x, y)
    assert set(by_hand) == set(params), "a gradient for every parameter"
    return max(np.abs(by_hand[name] - expected[name]).max() for name in params)


@pytest.mark.parametrize("seed", range(10))
def test_the_hand_written_backward_pass_equals_autograd(seed):
    assert largest_gap(definitions("backprop_mlp_numpy"), seed) < 1e-12


@pytest.mark.parametrize("seed", SEEDS)
def test_a_wrong_derivative_of_tanh_fails_the_same_check(seed):
    wrong = definitions("backprop_mlp_numpy", ("d_h * (1 - h**2)", "d_h * (1 - h)"))
    assert largest_gap(wrong, seed) > 1e-4


def test_the_softmax_cross_entropy_gradient_is_p_minus_y_over_n():
    rng = np.random.default_rng(0)
    for _ in range(5):
        logits, y = rng.normal(size=(7, 4)), rng.integers(0, 4, size=7)
        z = torch.tensor(logits, requires_grad=True)
        torch.nn.functional.cross_entropy(z, torch.tensor(y)).backward()
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        assert np.allclose((p - np.eye(4)[y]) / len(y), z.grad.numpy(), atol=1e-15)


def test_both_tabs_of_the_mlp_train_alike():
    numpy_lines = (SNIPPETS / "backprop_mlp_numpy.out").read_text(encoding="utf-8").splitlines()
    torch_lines = (SNIPPETS / "backprop_mlp_torch.out").read_text(encoding="utf-8").splitlines()
    assert [line for line in numpy_lines if line.startswith("epoch")] == torch_lines
