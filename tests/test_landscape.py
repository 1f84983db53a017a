"""What the loss-landscape page claims beyond its snippets' own asserts: the Hessian written by hand equals
torch.autograd's, the eigenvalue test classifies critical points as their closed forms say, escaping a saddle point
takes ln(1/nudge) / ln(1 + 2 lr) steps, and filter normalization sees a rescaled ReLU network as the same function."""

import contextlib
import io
import math
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "optimization"


def run_quietly(name):
    with contextlib.redirect_stdout(io.StringIO()):  # the snippets print their own tables
        return runpy.run_path(str(SNIPPETS / name))


@pytest.fixture(scope="module")
def by_hand():
    return run_quietly("landscape_hessian_numpy.py")


def torch_loss(w):
    x, y = w[0], w[1]
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def torch_hessian(w):
    return torch.autograd.functional.hessian(torch_loss, torch.tensor(w, dtype=torch.float64)).numpy()


@pytest.mark.parametrize("seed", range(5))
def test_hand_gradient_and_hessian_equal_autograd(by_hand, seed):
    for w in np.random.default_rng(seed).uniform(-3, 3, size=(20, 2)):
        theirs = torch.autograd.functional.jacobian(torch_loss, torch.tensor(w, dtype=torch.float64)).numpy()
        np.testing.assert_allclose(by_hand["gradient"](w), theirs, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(by_hand["hessian"](w), torch_hessian(w), rtol=1e-12, atol=1e-12)
        assert by_hand["loss"](w) == pytest.approx(torch_loss(torch.tensor(w)).item(), rel=1e-12, abs=1e-12)


def test_a_hessian_without_the_cross_term_fails_the_same_check(by_hand):
    def diagonal_only(w):
        return np.diag(np.diag(by_hand["hessian"](w)))

    w = np.array([1.3, -0.4])
    assert not np.allclose(diagonal_only(w), torch_hessian(w), atol=1e-6)


def test_critical_points_match_their_closed_forms(by_hand):
    # At y = x^2/2 the Hessian is [[g''(x) + 2x^2, -2x], [-2x, 2]] with g(x) = x^4/4 - x^3/3 - x^2.
    expected = {
        (-1.0, 0.5): ([1.0, 6.0], "minimum", -5 / 12),
        (0.0, 0.0): ([-2.0, 2.0], "saddle point", 0.0),
        (2.0, 2.0): ([8 - 2 * math.sqrt(13), 8 + 2 * math.sqrt(13)], "minimum", -8 / 3),
    }
    for point, (eigenvalues, kind, value) in expected.items():
        w = np.array(point)
        np.testing.assert_allclose(by_hand["gradient"](w), 0.0, atol=1e-15)
        ours = np.linalg.eigvalsh(by_hand["hessian"](w))
        np.testing.assert_allclose(ours, eigenvalues, rtol=1e-12)
        np.testing.assert_allclose(np.linalg.eigvalsh(torch_hessian(w)), eigenvalues, rtol=1e-12)
        assert by_hand["classify"](ours) == kind
        assert by_hand["loss"](w) == pytest.approx(value, abs=1e-15)
    # The lower minimum is the global one: f grows without bound, so some minimum is lowest.
    assert by_hand["loss"](np.array([2.0, 2.0])) < by_hand["loss"](np.array([-1.0, 0.5]))


@pytest.mark.parametrize(
    ("eigenvalues", "kind"),
    [
        ([0.5, 3.0, 7.0], "minimum"),
        ([-1.0, -2.0, -0.1], "maximum"),
        ([-4.0, 0.3, 2.0], "saddle point"),
        ([0.0, 1.0, 2.0], "undecided (an eigenvalue is 0)"),
    ],
)
def test_quadratics_are_classified_by_the_signs_of_their_eigenvalues(by_hand, eigenvalues, kind):
    """f(w) = w^T A w / 2 with A = Q diag(eigenvalues) Q^T: its Hessian is A, whatever the rotation Q."""
    rng = np.random.default_rng(len(kind))
    q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    a = q @ np.diag(eigenvalues) @ q.T
    hessian = torch.autograd.functional.hessian(
        lambda w: 0.5 * w @ torch.tensor(a) @ w, torch.tensor(rng.normal(size=3))
    ).numpy()
    np.testing.assert_allclose(hessian, a, atol=1e-12)
    assert by_hand["classify"](np.linalg.eigvalsh(hessian)) == kind
    # Judging by the diagonal alone would miss the saddle point of the rotated quadratic x^2 + 4xy + y^2.
    two_by_two = np.array([[2.0, 4.0], [4.0, 2.0]])
    assert (np.diag(two_by_two) > 0).all() and by_hand["classify"](np.linalg.eigvalsh(two_by_two)) == "saddle point"


def test_escaping_the_saddle_point_takes_log_of_the_nudge_steps(by_hand):
    """Near (0, 0) the x-coordinate grows by 1 + 2 lr a step, so 1000 times less nudge costs ln 1000 / ln(1 + 2 lr)."""
    learning_rate = 0.05

    def escape_steps(nudge):
        w = np.array([nudge, 1.0])
        for step in range(1, 10_000):
            w = w - learning_rate * by_hand["gradient"](w)
            if by_hand["loss"](w) < -0.1:
                return step
        return None

    predicted = math.log(1000) / math.log(1 + 2 * learning_rate)
    steps = [escape_steps(nudge) for nudge in (1e-4, 1e-7, 1e-10, 1e-13)]
    assert all(abs(later - earlier - predicted) <= 1 for earlier, later in zip(steps, steps[1:]))
    assert escape_steps(0.0) is None


@pytest.mark.parametrize("start", [(0.01, 1.0), (-0.01, 1.0), (1e-5, 0.5), (-1e-5, 2.0)])
def test_momentum_escapes_sooner_from_both_sides(by_hand, start):
    """Heavy ball, as torch.optim.SGD(momentum=0.9) updates: v = 0.9 v + g, w = w - lr v."""

    def escape_steps(momentum, learning_rate=0.05):
        w, velocity = np.array(start), np.zeros(2)
        for step in range(1, 1000):
            velocity = momentum * velocity + by_hand["gradient"](w)
            w = w - learning_rate * velocity
            if by_hand["loss"](w) < -0.1:
                return step
        return None

    assert escape_steps(0.9) < escape_steps(0.0)


@pytest.mark.parametrize("scale", [0.1, 3.7, 10.0])
def test_filter_normalization_sees_a_rescaled_relu_net_as_the_same_function(scale):
    rng = torch.Generator().manual_seed(int(scale * 10))
    x = torch.randn(200, 8, generator=rng, dtype=torch.float64)
    y = torch.randint(0, 3, (200,), generator=rng)
    w1, b1 = torch.randn(16, 8, generator=rng, dtype=torch.float64), torch.randn(16, generator=rng, dtype=torch.float64)
    w2, b2 = torch.randn(3, 16, generator=rng, dtype=torch.float64), torch.randn(3, generator=rng, dtype=torch.float64)
    original, rescaled = [w1, b1, w2, b2], [scale * w1, scale * b1, w2 / scale, b2]
    raw = [torch.randn(p.shape, generator=rng, dtype=torch.float64) for p in original]

    def loss(params):
        w1, b1, w2, b2 = params
        return torch.nn.functional.cross_entropy(torch.relu(x @ w1.T + b1) @ w2.T + b2, y).item()

    def filter_normalized(params):
        return [
            torch.zeros_like(d) if p.dim() == 1 else d * p.norm(dim=1, keepdim=True) / d.norm(dim=1, keepdim=True)
            for p, d in zip(params, raw)
        ]

    def along(params, direction, alpha):
        return loss([p + alpha * d for p, d in zip(params, direction)])

    assert loss(original) == pytest.approx(loss(rescaled), rel=1e-12)
    for alpha in (-1.0, -0.3, 0.5, 1.0):
        normalized = along(original, filter_normalized(original), alpha)
        assert along(rescaled, filter_normalized(rescaled), alpha) == pytest.approx(normalized, rel=1e-10)
    assert along(rescaled, raw, 0.5) != pytest.approx(along(original, raw, 0.5), rel=1e-2)


def test_random_critical_points_are_mostly_saddle_points():
    snippet = run_quietly("landscape_high_dim.py")
    for n in (3, 8):
        eigenvalues, loss = snippet["random_critical_points"](n, 4000)
        negative = (eigenvalues < 0).sum(axis=1)
        share_of_minima = (negative == 0).mean()
        expected = (2 / 3) ** n
        assert abs(share_of_minima - expected) < 4 * math.sqrt(expected * (1 - expected) / 4000)
        # Each coordinate sits at -1, 0 or +1 with probability 1/3 each; a 0 is one way down.
        assert abs(negative.mean() / n - 1 / 3) < 0.02
        # With a weak coupling, f is about -(number of coordinates at +-1) / 4.
        np.testing.assert_allclose(loss, -(n - negative) / 4, atol=0.1 * n)
