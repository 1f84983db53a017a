"""What the initialization page claims, beyond the snippets' own asserts.

- The closed-form derivatives of init_activations.py equal autograd on random inputs, and a wrong one fails.
- The from-scratch Xavier and He of init_numpy.py draw the same distribution as torch.nn.init over several shapes
  and seeds (same std within the sampling tolerance, same bound for the uniform ones), and a wrong formula fails.
- The variance of a sum: Var(z) = n_in Var(w) E[h²] forward, n_out Var(w) Var(δ) backward, for a ReLU's h.
- He keeps E[h²] through deep ReLU stacks; Xavier halves it per layer; Leaky ReLU's gain is sqrt(2 / (1 + a²)).
"""

import contextlib
import io
import math
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"


def run_snippet(name: str) -> dict:
    with contextlib.redirect_stdout(io.StringIO()):  # the snippets print their own tables
        return runpy.run_path(str(SNIPPETS / name))


@pytest.fixture(scope="module")
def activations():
    return run_snippet("init_activations.py")


@pytest.fixture(scope="module")
def scratch():
    return run_snippet("init_numpy.py")


# --- derivatives -----------------------------------------------------------------------------------------------


def max_gap(function, derivative, x):
    x = x.clone().requires_grad_(True)
    function(x).sum().backward()
    return (x.grad - derivative(x.detach())).abs().max().item()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_closed_forms_equal_autograd_on_random_inputs(activations, seed):
    x = torch.randn(10_000, dtype=torch.float64, generator=torch.Generator().manual_seed(seed)) * 4
    for name, (function, derivative) in activations["ACTIVATIONS"].items():
        assert max_gap(function, derivative, x) < 1e-12, name


def test_a_wrong_derivative_fails_the_same_check(activations):
    x = torch.randn(10_000, dtype=torch.float64, generator=torch.Generator().manual_seed(0)) * 4
    wrong = {
        "sigmoid": (torch.sigmoid, torch.sigmoid),  # forgot the factor 1 - sigmoid(x)
        "tanh": (torch.tanh, lambda x: 1 - torch.tanh(x)),  # forgot the square
        "GELU": (torch.nn.functional.gelu, lambda x: 0.5 * (1 + torch.erf(x / math.sqrt(2)))),  # only Phi(x)
    }
    for name, (function, derivative) in wrong.items():
        assert max_gap(function, derivative, x) > 1e-3, name


def test_sigmoid_derivative_peaks_at_a_quarter(activations):
    _, derivative = activations["ACTIVATIONS"]["sigmoid"]
    x = torch.linspace(-10, 10, 20_001, dtype=torch.float64)
    assert derivative(x).max().item() == 0.25
    assert derivative(x).argmax().item() == 10_000  # at x = 0


# --- the initializations: from scratch against torch.nn.init ------------------------------------------------------

SHAPES = [(512, 256), (100, 1000), (784, 128)]  # (fan_in, fan_out)
TORCH_INITS = {
    "Xavier uniform": lambda w: torch.nn.init.xavier_uniform_(w),
    "Xavier normal": lambda w: torch.nn.init.xavier_normal_(w),
    "He uniform": lambda w: torch.nn.init.kaiming_uniform_(w, nonlinearity="relu"),
    "He normal": lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity="relu"),
}
SCRATCH = {"Xavier uniform": "xavier_uniform", "Xavier normal": "xavier_normal", "He uniform": "he_uniform"}
SCRATCH["He normal"] = "he_normal"


def relative_tolerance(count: int) -> float:
    """Five standard errors of a sample std from `count` normal draws (uniform draws have a smaller one)."""
    return 5 / math.sqrt(2 * count)


def draw_scratch(scratch, name, fan_in, fan_out, seed):
    function = scratch[SCRATCH[name]]
    function.__globals__["rng"] = np.random.default_rng(seed)  # the snippet's functions draw from its global rng
    return function(fan_in, fan_out)


def draw_torch(name, fan_in, fan_out, seed):
    torch.manual_seed(seed)
    return TORCH_INITS[name](torch.empty(fan_out, fan_in, dtype=torch.float64)).numpy()


@pytest.mark.parametrize(("fan_in", "fan_out"), SHAPES)
@pytest.mark.parametrize("seed", [0, 1])
def test_scratch_and_torch_draw_the_same_distribution(scratch, fan_in, fan_out, seed):
    tolerance = relative_tolerance(fan_in * fan_out)
    for name in TORCH_INITS:
        ours, theirs = draw_scratch(scratch, name, fan_in, fan_out, seed), draw_torch(name, fan_in, fan_out, seed)
        assert ours.shape == theirs.shape == (fan_out, fan_in)
        assert abs(ours.std() / theirs.std() - 1) < 2 * tolerance, name
        assert abs(ours.mean()) < 5 * ours.std() / math.sqrt(ours.size), name
        if "uniform" in name:  # the same bound: the largest draw of 100k+ uniform values is within 0.1% of it
            assert abs(np.abs(ours).max() / np.abs(theirs).max() - 1) < 1e-3, name


@pytest.mark.parametrize(("fan_in", "fan_out"), SHAPES)
def test_the_derived_standard_deviations(scratch, fan_in, fan_out):
    derived = {
        "Xavier uniform": math.sqrt(2 / (fan_in + fan_out)),
        "Xavier normal": math.sqrt(2 / (fan_in + fan_out)),
        "He uniform": math.sqrt(2 / fan_in),
        "He normal": math.sqrt(2 / fan_in),
    }
    tolerance = relative_tolerance(fan_in * fan_out)
    for name, std in derived.items():
        assert abs(draw_torch(name, fan_in, fan_out, 0).std() / std - 1) < tolerance, name
        assert abs(draw_scratch(scratch, name, fan_in, fan_out, 0).std() / std - 1) < tolerance, name


def test_a_wrong_formula_fails_the_same_check():
    """Xavier from the fan-in alone, sqrt(1 / fan_in), is not torch's Xavier when fan_in != fan_out."""
    fan_in, fan_out = 512, 256
    rng = np.random.default_rng(0)
    wrong = rng.normal(0, math.sqrt(1 / fan_in), size=(fan_out, fan_in))
    theirs = draw_torch("Xavier normal", fan_in, fan_out, 0)
    assert abs(wrong.std() / theirs.std() - 1) > 2 * relative_tolerance(fan_in * fan_out)


def test_nn_linear_default_is_a_third_of_lecun_not_he():
    torch.manual_seed(0)
    layer = torch.nn.Linear(512, 256)
    bound = 1 / math.sqrt(512)
    assert layer.weight.abs().max().item() <= bound
    assert abs(layer.weight.std().item() / math.sqrt(1 / (3 * 512)) - 1) < relative_tolerance(512 * 256)


# --- the variance of a sum -------------------------------------------------------------------------------------


def test_forward_and_backward_variance_of_one_layer():
    generator = torch.Generator().manual_seed(0)
    n_in, n_out, batch, std = 200, 300, 4000, 0.07
    h = torch.relu(torch.randn(batch, n_in, dtype=torch.float64, generator=generator)).requires_grad_(True)
    weight = torch.randn(n_out, n_in, dtype=torch.float64, generator=generator) * std
    z = h @ weight.T
    delta = torch.randn(batch, n_out, dtype=torch.float64, generator=generator)
    (z * delta).sum().backward()  # so that dL/dz = delta
    forward = n_in * std**2 * (h.detach() ** 2).mean().item()
    backward = n_out * std**2 * delta.var().item()
    assert abs(z.var().item() / forward - 1) < 0.05
    assert abs(h.grad.var().item() / backward - 1) < 0.05


def relu_stack_second_moment(init, depth=30, width=256, seed=0):
    torch.manual_seed(seed)
    x = torch.randn(512, width, dtype=torch.float64)
    h = x
    for _ in range(depth):
        weight = torch.empty(width, width, dtype=torch.float64)
        init(weight)
        h = torch.relu(h @ weight.T)
    return (h**2).mean().item() / (x**2).mean().item()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_he_keeps_the_second_moment_and_xavier_halves_it(seed):
    he = relu_stack_second_moment(lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity="relu"), seed=seed)
    xavier = relu_stack_second_moment(torch.nn.init.xavier_normal_, seed=seed)
    assert 1 / 4 < he < 4  # in expectation exactly 1; one network of finite width drifts a little
    # Same draws, Xavier's std sqrt(1/n) against He's sqrt(2/n), and ReLU(c z) = c ReLU(z): exactly 1/2 per layer.
    assert abs(xavier / he / 0.5**30 - 1) < 1e-9


@pytest.mark.parametrize("a", [0.01, 0.1, 0.2, 0.5, 1.0])
def test_leaky_relu_gain(a):
    assert torch.nn.init.calculate_gain("leaky_relu", a) == pytest.approx(math.sqrt(2 / (1 + a**2)), rel=1e-12)
    z = torch.randn(400_000, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    measured = (torch.nn.functional.leaky_relu(z, a) ** 2).mean() / (z**2).mean()
    assert measured.item() == pytest.approx((1 + a**2) / 2, abs=0.005)


def test_gains_the_page_names():
    assert torch.nn.init.calculate_gain("relu") == pytest.approx(math.sqrt(2))
    assert torch.nn.init.calculate_gain("tanh") == pytest.approx(5 / 3)
    assert torch.nn.init.calculate_gain("sigmoid") == 1
    assert torch.nn.init.calculate_gain("linear") == 1
