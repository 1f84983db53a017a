"""The from-scratch optimizers on the optimization pages take the very steps torch.optim takes.

Each NumPy class is loaded from the snippet the page shows. It and its torch.optim twin run 100 steps on the same
non-convex problem in float64, from several starts and with several settings, and the parameters must agree to 1e-6
after every step. The gradient is derived by hand on the NumPy side and by autograd on the torch side, so the
check covers the gradient too. Deliberately wrong variants (eps inside the square root, coupled weight decay, ...)
must fail the same comparison: the problem is sensitive enough to tell the rules apart.

Two ways of running the pair:
- independently: each follows its own gradient. This is the strongest check, but where an adaptive method hovers
  around a point where some gradient is ~0 it takes sign-like steps, the dynamics become chaotic and rounding
  differences of 1e-16 grow exponentially; no two implementations agree there, however correct. The settings of
  this mode stay clear of that regime (checked on 20 starts; the test uses 3).
- gradient-forced: the NumPy optimizer gets its hand-derived gradient at torch's iterate, so a difference cannot
  feed back. This checks the update rule with any settings, the defaults and aggressive ones included.
"""

import functools
import inspect
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"
STEPS = 100
TOLERANCE = 1e-6


@functools.cache
def numpy_class(snippet: str, name: str):
    """The class as the page shows it (running the snippet's short demo once)."""
    return runpy.run_path(str(SNIPPETS / f"{snippet}_numpy.py"))[name]


# name on the page -> (snippet, class name, torch factory, list of settings shared by both)
OPTIMIZERS = {
    "SGD": ("sgd", "SGD", lambda p, **kw: torch.optim.SGD(p, **kw), [{"lr": 0.1}, {"lr": 0.5}]),
    "Momentum": (
        "momentum",
        "Momentum",
        lambda p, **kw: torch.optim.SGD(p, **kw),
        [{"lr": 0.05, "momentum": 0.9}, {"lr": 0.2, "momentum": 0.5}],
    ),
    "Nesterov": (
        "nesterov",
        "Nesterov",
        lambda p, **kw: torch.optim.SGD(p, nesterov=True, **kw),
        [{"lr": 0.05, "momentum": 0.9}, {"lr": 0.2, "momentum": 0.5}],
    ),
    "Adagrad": (
        "adagrad",
        "Adagrad",
        lambda p, **kw: torch.optim.Adagrad(p, **kw),
        [{}, {"lr": 0.5}, {"lr": 0.3, "eps": 0.1}],
    ),
    "Adadelta": (
        "adadelta",
        "Adadelta",
        lambda p, **kw: torch.optim.Adadelta(p, **kw),
        [{}, {"lr": 2.0, "rho": 0.95}, {"lr": 1.0, "eps": 1e-3}],
    ),
    "RMSprop": (
        "rmsprop",
        "RMSprop",
        lambda p, **kw: torch.optim.RMSprop(p, **kw),
        [{"lr": 0.02, "eps": 1e-4}, {"lr": 0.1, "eps": 0.1}],
    ),
    "Adam": (
        "adam",
        "Adam",
        lambda p, **kw: torch.optim.Adam(p, **kw),
        [{}, {"lr": 0.1}, {"lr": 0.05, "betas": (0.5, 0.9), "eps": 0.1}],
    ),
    "AdamW": (
        "adamw",
        "AdamW",
        lambda p, **kw: torch.optim.AdamW(p, **kw),
        [{}, {"lr": 0.1, "weight_decay": 0.5}, {"lr": 0.05, "betas": (0.5, 0.9), "eps": 0.1, "weight_decay": 2.0}],
    ),
}
SEEDS = [0, 1, 2]


class Problem:
    """Logistic regression plus a wavy term: smooth, non-convex, gradients of every size."""

    def __init__(self, seed: int):
        rng = np.random.default_rng(seed)
        self.x = rng.normal(size=(32, 5))  # (32, 5)
        self.y = (rng.random(32) < 0.5).astype(float)  # (32,)
        self.start = rng.normal(size=5) * 2  # (5,)

    def numpy_gradient(self, w: np.ndarray) -> np.ndarray:
        probability = 1 / (1 + np.exp(-(self.x @ w)))
        return self.x.T @ (probability - self.y) / len(self.y) + 0.3 * np.cos(3 * w)

    def torch_loss(self, w: torch.Tensor) -> torch.Tensor:
        x, y = torch.from_numpy(self.x), torch.from_numpy(self.y)
        return torch.nn.functional.binary_cross_entropy_with_logits(x @ w, y) + 0.1 * torch.sin(3 * w).sum()


def largest_difference(numpy_optimizer, torch_factory, problem: Problem, forced: bool = False) -> float:
    """Run both for STEPS steps; return the largest |w_numpy - w_torch| seen after any step.

    forced: give the NumPy optimizer the gradient at torch's iterate instead of at its own.
    """
    w_numpy = problem.start.copy()
    w_torch = torch.tensor(problem.start, dtype=torch.float64, requires_grad=True)
    torch_optimizer = torch_factory([w_torch])
    largest = 0.0
    for _ in range(STEPS):
        at = w_torch.detach().numpy().copy() if forced else w_numpy
        w_numpy = numpy_optimizer.step(w_numpy, problem.numpy_gradient(at))
        torch_optimizer.zero_grad()
        problem.torch_loss(w_torch).backward()
        torch_optimizer.step()
        largest = max(largest, float(np.max(np.abs(w_numpy - w_torch.detach().numpy()))))
    assert np.all(np.isfinite(w_numpy))
    return largest


pytestmark = pytest.mark.usefixtures("one_torch_thread")


CASES = [
    pytest.param(name, settings, seed, id=f"{name}-{index}-seed{seed}")
    for name, (_, _, _, all_settings) in OPTIMIZERS.items()
    for index, settings in enumerate(all_settings)
    for seed in SEEDS
]


@pytest.mark.parametrize(("name", "settings", "seed"), CASES)
def test_from_scratch_optimizer_matches_torch_at_every_step(name, settings, seed):
    snippet, class_name, torch_factory, _ = OPTIMIZERS[name]
    numpy_optimizer = numpy_class(snippet, class_name)(**settings)
    difference = largest_difference(numpy_optimizer, lambda p: torch_factory(p, **settings), Problem(seed))
    assert difference <= TOLERANCE, f"{name} {settings}: parameters differ by {difference:.2e}"


@pytest.mark.parametrize("name", [n for n in OPTIMIZERS if n not in ("SGD", "Momentum", "Nesterov")])
def test_defaults_are_torch_defaults(name):
    """Adadelta's lr=1.0, Adagrad's eps=1e-10 ...: a reader who copies the class gets torch's behaviour."""
    snippet, class_name, torch_factory, _ = OPTIMIZERS[name]
    ours = inspect.signature(numpy_class(snippet, class_name)).parameters
    theirs = inspect.signature(getattr(torch.optim, class_name)).parameters
    for parameter, value in ours.items():
        assert value.default == theirs[parameter].default, f"{name}.{parameter}: {value.default} vs torch's"


# Defaults (where torch has them) and settings that make the independent runs chaotic (see the module docstring).
FORCED = {
    "SGD": [{"lr": 0.9}],
    "Momentum": [{"lr": 0.3, "momentum": 0.95}],
    "Nesterov": [{"lr": 0.3, "momentum": 0.95}],
    "Adagrad": [{}, {"lr": 2.0}],
    "Adadelta": [{}, {"lr": 5.0, "rho": 0.8}],
    "RMSprop": [{}, {"lr": 0.05, "alpha": 0.9}],
    "Adam": [{}, {"lr": 0.5, "betas": (0.8, 0.99)}],
    "AdamW": [{}, {"lr": 0.5, "weight_decay": 0.3}],
}


@pytest.mark.parametrize(
    ("name", "settings"),
    [pytest.param(n, s, id=f"{n}-{i}") for n, all_settings in FORCED.items() for i, s in enumerate(all_settings)],
)
def test_same_update_rule_with_any_settings(name, settings):
    snippet, class_name, torch_factory, _ = OPTIMIZERS[name]
    for seed in range(5):
        numpy_optimizer = numpy_class(snippet, class_name)(**settings)
        difference = largest_difference(
            numpy_optimizer, lambda p: torch_factory(p, **settings), Problem(seed), forced=True
        )
        assert difference <= TOLERANCE, f"{name} {settings} seed {seed}: parameters differ by {difference:.2e}"


def test_parameters_move():
    """Guard against a vacuous pass: every optimizer really moves the parameters on the test problem."""
    problem = Problem(0)
    for name, (snippet, class_name, _, all_settings) in OPTIMIZERS.items():
        optimizer = numpy_class(snippet, class_name)(**all_settings[-1])
        w = problem.start.copy()
        for _ in range(STEPS):
            w = optimizer.step(w, problem.numpy_gradient(w))
        assert np.max(np.abs(w - problem.start)) > 0.05, name


def _wrong_variants():
    """Each rule the page insists on, broken on purpose. Each must be caught."""
    adagrad = numpy_class("adagrad", "Adagrad")
    rmsprop = numpy_class("rmsprop", "RMSprop")
    adadelta = numpy_class("adadelta", "Adadelta")
    adamw = numpy_class("adamw", "AdamW")
    nesterov = numpy_class("nesterov", "Nesterov")
    momentum = numpy_class("momentum", "Momentum")

    class AdagradEpsInsideSqrt(adagrad):
        def step(self, w, gradient):
            self.sum_squares = self.sum_squares + gradient**2
            return w - self.lr * gradient / np.sqrt(self.sum_squares + self.eps)

    class RMSpropEpsInsideSqrt(rmsprop):
        def step(self, w, gradient):
            self.square_avg = self.alpha * self.square_avg + (1 - self.alpha) * gradient**2
            return w - self.lr * gradient / np.sqrt(self.square_avg + self.eps)

    class AdamWWithCoupledDecay(adamw):  # L2 added to the gradient: Adam(weight_decay), not AdamW
        def step(self, w, gradient):
            decay, self.weight_decay = self.weight_decay, 0.0
            new_w = super().step(w, gradient + decay * w)
            self.weight_decay = decay
            return new_w

    class NesterovWithoutLookAhead(nesterov):  # plain momentum under Nesterov's name
        def step(self, w, gradient):
            self.velocity = self.momentum * self.velocity + gradient
            return w - self.lr * self.velocity

    class MomentumWithDampening(momentum):  # v <- mu v + (1 - mu) g, the "exponential average" form
        def step(self, w, gradient):
            self.velocity = self.momentum * self.velocity + (1 - self.momentum) * gradient
            return w - self.lr * self.velocity

    return [
        (
            "Adagrad eps inside sqrt",
            AdagradEpsInsideSqrt(lr=0.3, eps=0.1),
            lambda p: torch.optim.Adagrad(p, lr=0.3, eps=0.1),
        ),
        (
            "RMSprop eps inside sqrt",
            RMSpropEpsInsideSqrt(lr=0.1, eps=0.1),
            lambda p: torch.optim.RMSprop(p, lr=0.1, eps=0.1),
        ),
        ("Adadelta with lr=0.1", adadelta(lr=0.1), lambda p: torch.optim.Adadelta(p)),
        (
            "AdamW as L2",
            AdamWWithCoupledDecay(lr=0.1, weight_decay=0.5),
            lambda p: torch.optim.AdamW(p, lr=0.1, weight_decay=0.5),
        ),
        (
            "Nesterov without look-ahead",
            NesterovWithoutLookAhead(lr=0.05),
            lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
        ),
        ("dampened momentum", MomentumWithDampening(lr=0.05), lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    ]


@pytest.mark.parametrize("variant", range(6))
def test_a_wrong_update_rule_is_caught(variant):
    label, wrong_optimizer, torch_factory = _wrong_variants()[variant]
    difference = largest_difference(wrong_optimizer, torch_factory, Problem(0), forced=True)
    assert difference > 100 * TOLERANCE, f"{label} passed for torch's rule (difference {difference:.2e})"


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam", "adamw"])
def test_both_tabs_print_the_same_numbers(name):
    """The NumPy and PyTorch tabs of one optimizer show identical recorded outputs."""
    numpy_output = (SNIPPETS / f"{name}_numpy.out").read_text()
    torch_output = (SNIPPETS / f"{name}_torch.out").read_text()
    assert numpy_output == torch_output
    assert numpy_output.count("step") == 3
