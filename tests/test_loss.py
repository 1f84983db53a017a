"""The from-scratch NumPy losses of the loss chapter against PyTorch, in float64.

Every function tested here is loaded from the very snippet file the pages show (runpy), so a change to a page's
code is a change to what is tested. Each case compares the value and the gradient with torch.nn.functional (or
torch.distributions) on random inputs, for several seeds and every reduction, with torch's exact definitions:
label smoothing, class weights (the weighted mean divides by the sum of the weights), pos_weight, the variance
clamp of the Gaussian NLL.
"""

import contextlib
import io
import runpy
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "loss"
SEEDS = range(5)
REDUCTIONS = ("none", "sum", "mean")
TOLERANCE = {"rtol": 1e-9, "atol": 1e-9}  # float64 on both sides; the brief asks for 1e-6


@cache
def snippet(name: str) -> dict:
    """The globals of snippets/loss/<name>.py after running it (its own demo and asserts run too)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def torch_value_and_grads(loss_fn, inputs, differentiate, rng):
    """Run a torch loss on float64 copies of `inputs`; backpropagate a random upstream gradient for 'none'.

    Returns the value, the gradients of the inputs whose index is in `differentiate`, and the upstream gradient."""
    tensors = [
        torch.tensor(array, dtype=torch.float64, requires_grad=index in differentiate)
        if np.issubdtype(np.asarray(array).dtype, np.floating)
        else torch.tensor(array)
        for index, array in enumerate(inputs)
    ]
    value = loss_fn(*tensors)
    upstream = torch.tensor(rng.normal(size=value.shape)) if value.dim() else torch.tensor(1.0, dtype=torch.float64)
    value.backward(upstream)
    return value.detach().numpy(), [tensors[i].grad.numpy() for i in differentiate], upstream.numpy()


def chained(grad: np.ndarray, upstream: np.ndarray) -> np.ndarray:
    """The gradient of sum(upstream * loss) given the derivative of each loss element (or row, for class losses)."""
    if upstream.ndim == 0 or upstream.shape == grad.shape:
        return grad * upstream
    return grad * upstream.reshape(upstream.shape + (1,) * (grad.ndim - upstream.ndim))


def assert_close(actual, expected):
    np.testing.assert_allclose(actual, expected, **TOLERANCE)


# Regression ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_mse(seed, reduction):
    loss, grad = snippet("mse_numpy")["mse"], snippet("mse_numpy")["mse_grad"]
    rng = np.random.default_rng(seed)
    y_hat, y = rng.normal(size=(2, 4, 7))
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda a, b: F.mse_loss(a, b, reduction=reduction), [y_hat, y], [0], rng
    )
    assert_close(loss(y_hat, y, reduction), value)
    assert_close(chained(grad(y_hat, y, reduction), upstream), grad_torch)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_mae(seed, reduction):
    loss, grad = snippet("mae_numpy")["mae"], snippet("mae_numpy")["mae_grad"]
    rng = np.random.default_rng(seed)
    y_hat, y = rng.normal(size=(2, 4, 7))
    y_hat[0, 0] = y[0, 0]  # a zero error: PyTorch's derivative there is 0, like np.sign
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda a, b: F.l1_loss(a, b, reduction=reduction), [y_hat, y], [0], rng
    )
    assert_close(loss(y_hat, y, reduction), value)
    assert_close(chained(grad(y_hat, y, reduction), upstream), grad_torch)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("delta", [0.3, 1.0, 2.5])
def test_huber_and_smooth_l1(seed, reduction, delta):
    functions = snippet("huber_numpy")
    rng = np.random.default_rng(seed)
    y_hat, y = 2 * rng.normal(size=(2, 4, 7))  # errors on both sides of delta
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda a, b: F.huber_loss(a, b, reduction=reduction, delta=delta), [y_hat, y], [0], rng
    )
    assert_close(functions["huber"](y_hat, y, delta, reduction), value)
    assert_close(chained(functions["huber_grad"](y_hat, y, delta, reduction), upstream), grad_torch)

    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda a, b: F.smooth_l1_loss(a, b, reduction=reduction, beta=delta), [y_hat, y], [0], rng
    )
    assert_close(functions["smooth_l1"](y_hat, y, delta, reduction), value)
    assert_close(chained(functions["huber_grad"](y_hat, y, delta, reduction) / delta, upstream), grad_torch)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_reduce_on_the_index_page(reduction):
    functions = snippet("reduction_numpy")
    rng = np.random.default_rng(7)
    y_hat, y = rng.normal(size=(2, 11))
    expected = F.mse_loss(torch.tensor(y_hat), torch.tensor(y), reduction=reduction).numpy()
    assert_close(functions["reduce"](functions["squared_errors"](y_hat, y), reduction), expected)


# Binary classification -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_binary_cross_entropy_from_probabilities(seed, reduction):
    functions = snippet("bce_numpy")
    rng = np.random.default_rng(seed)
    probs = 1 / (1 + np.exp(-3 * rng.normal(size=(5, 6))))
    targets = rng.integers(0, 2, size=(5, 6)).astype(float)
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda p, t: F.binary_cross_entropy(p, t, reduction=reduction), [probs, targets], [0], rng
    )
    assert_close(functions["binary_cross_entropy"](probs, targets, reduction), value)
    assert_close(chained(functions["binary_cross_entropy_grad"](probs, targets, reduction), upstream), grad_torch)


def test_binary_cross_entropy_clamps_the_log_like_torch():
    bce = snippet("bce_numpy")["binary_cross_entropy"]
    probs, targets = np.array([0.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 1.0])
    expected = F.binary_cross_entropy(torch.tensor(probs), torch.tensor(targets), reduction="none").numpy()
    assert_close(bce(probs, targets, "none"), expected)  # 100 for a certain mistake, 0 for a certain hit


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("pos_weight", ["none", "scalar", "per_column"])
def test_binary_cross_entropy_with_logits(seed, reduction, pos_weight):
    functions = snippet("bce_numpy")
    rng = np.random.default_rng(seed)
    logits = 5 * rng.normal(size=(5, 6))
    logits[0, :2] = [60.0, -60.0]  # far beyond where a naive log(sigmoid) breaks down
    targets = rng.integers(0, 2, size=(5, 6)).astype(float)
    weight = {"none": None, "scalar": np.array(2.5), "per_column": rng.uniform(0.2, 5.0, size=6)}[pos_weight]
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, t: F.binary_cross_entropy_with_logits(
            z, t, reduction=reduction, pos_weight=None if weight is None else torch.tensor(weight)
        ),
        [logits, targets],
        [0],
        rng,
    )
    numpy_weight = 1.0 if weight is None else weight
    assert_close(functions["bce_with_logits"](logits, targets, numpy_weight, reduction), value)
    grad = functions["bce_with_logits_grad"](logits, targets, numpy_weight, reduction)
    assert_close(chained(grad, upstream), grad_torch)


# Multi-class classification ------------------------------------------------------------------------------------


def random_classification(seed: int, num_samples: int = 7, num_classes: int = 5, scale: float = 3.0):
    rng = np.random.default_rng(seed)
    logits = scale * rng.normal(size=(num_samples, num_classes))
    labels = rng.integers(0, num_classes, size=num_samples)
    return rng, logits, labels


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("scale", [3.0, 300.0])  # 300: exp would overflow without the max subtraction
def test_cross_entropy_with_class_indices(seed, reduction, scale):
    functions = snippet("ce_numpy")
    rng, logits, labels = random_classification(seed, scale=scale)
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, y: F.cross_entropy(z, y, reduction=reduction), [logits, labels], [0], rng
    )
    assert_close(functions["cross_entropy"](logits, labels, reduction), value)
    assert_close(chained(functions["cross_entropy_grad"](logits, labels, reduction), upstream), grad_torch)
    # NLL after log-softmax: the log-softmax against torch's, and nll_loss against torch's nll_loss.
    log_probs = functions["log_softmax"](logits)
    assert_close(log_probs, F.log_softmax(torch.tensor(logits), dim=1).numpy())
    expected_nll = F.nll_loss(torch.tensor(log_probs), torch.tensor(labels), reduction=reduction).numpy()
    assert_close(functions["nll_loss"](log_probs, labels, reduction), expected_nll)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_cross_entropy_with_probability_targets(seed, reduction, weighted):
    functions = snippet("soft_ce_numpy")
    rng, logits, _ = random_classification(seed)
    targets = rng.dirichlet(np.ones(5), size=7)
    weight = rng.uniform(0.2, 3.0, size=5) if weighted else None
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, t: F.cross_entropy(
            z, t, reduction=reduction, weight=None if weight is None else torch.tensor(weight)
        ),
        [logits, targets],
        [0],
        rng,
    )
    assert_close(functions["soft_cross_entropy"](logits, targets, weight, reduction), value)
    grad = functions["soft_cross_entropy_grad"](logits, targets, weight, reduction)
    assert_close(chained(grad, upstream), grad_torch)


@pytest.mark.parametrize("seed", SEEDS)
def test_one_hot_targets_equal_class_indices(seed):
    soft_cross_entropy = snippet("soft_ce_numpy")["soft_cross_entropy"]
    _, logits, labels = random_classification(seed)
    expected = F.cross_entropy(torch.tensor(logits), torch.tensor(labels)).item()
    assert_close(soft_cross_entropy(logits, np.eye(5)[labels]), expected)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.05, 0.2, 0.5])
def test_label_smoothing(seed, reduction, label_smoothing):
    functions = snippet("label_smoothing_numpy")
    rng, logits, labels = random_classification(seed)
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, y: F.cross_entropy(z, y, reduction=reduction, label_smoothing=label_smoothing),
        [logits, labels],
        [0],
        rng,
    )
    assert_close(functions["cross_entropy"](logits, labels, label_smoothing, reduction), value)
    grad = functions["cross_entropy_grad"](logits, labels, label_smoothing, reduction)
    assert_close(chained(grad, upstream), grad_torch)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1, 0.4])
def test_class_weights_with_label_smoothing(seed, reduction, label_smoothing):
    functions = snippet("class_weights_numpy")
    rng, logits, labels = random_classification(seed)
    weight = rng.uniform(0.2, 3.0, size=5)
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, y: F.cross_entropy(z, y, torch.tensor(weight), reduction=reduction, label_smoothing=label_smoothing),
        [logits, labels],
        [0],
        rng,
    )
    assert_close(functions["cross_entropy"](logits, labels, weight, label_smoothing, reduction), value)
    grad = functions["cross_entropy_grad"](logits, labels, weight, label_smoothing, reduction)
    assert_close(chained(grad, upstream), grad_torch)


@pytest.mark.parametrize("seed", SEEDS)
def test_weighted_mean_divides_by_the_sum_of_the_weights(seed):
    cross_entropy = snippet("class_weights_numpy")["cross_entropy"]
    _, logits, labels = random_classification(seed)
    weight = np.random.default_rng(seed + 100).uniform(0.2, 3.0, size=5)
    weighted_sum = cross_entropy(logits, labels, weight, reduction="sum")
    assert_close(cross_entropy(logits, labels, weight), weighted_sum / weight[labels].sum())
    # Hence scaling every weight by the same factor leaves the weighted mean unchanged.
    assert_close(cross_entropy(logits, labels, 10 * weight), cross_entropy(logits, labels, weight))


def test_stable_cross_entropy_where_the_naive_one_fails():
    functions = snippet("softmax_overflow")
    logits = np.array([[1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1002.0], [0.5, -0.2, 0.1]])
    expected = F.cross_entropy(torch.tensor(logits), torch.zeros(3, dtype=torch.long), reduction="none").numpy()
    assert_close(functions["stable_cross_entropy"](logits), expected)
    with np.errstate(all="ignore"):
        naive = functions["naive_cross_entropy"](logits)
    assert np.isnan(naive[:2]).all() and np.isclose(naive[2], expected[2])


# Probabilistic -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("full", [False, True])
def test_gaussian_nll(seed, reduction, full):
    functions = snippet("gaussian_nll_numpy")
    rng = np.random.default_rng(seed)
    mean, target = rng.normal(size=(2, 4, 6))
    var = rng.uniform(0.05, 4.0, size=(4, 6))
    var[0, :2] = [1e-9, 0.0]  # below eps = 1e-6: PyTorch clamps them (and still passes the gradient through)
    value, (grad_mean, grad_var), upstream = torch_value_and_grads(
        lambda m, t, v: F.gaussian_nll_loss(m, t, v, full=full, reduction=reduction), [mean, target, var], [0, 2], rng
    )
    assert_close(functions["gaussian_nll"](mean, target, var, full, reduction=reduction), value)
    numpy_grad_mean, numpy_grad_var = functions["gaussian_nll_grad"](mean, target, var, reduction=reduction)
    assert_close(chained(numpy_grad_mean, upstream), grad_mean)
    assert_close(chained(numpy_grad_var, upstream), grad_var)


@pytest.mark.parametrize("seed", SEEDS)
def test_kl_between_gaussians(seed):
    functions = snippet("kl_numpy")
    rng = np.random.default_rng(seed)
    mu_p, mu_q = rng.normal(size=(2, 12))
    sigma_p, sigma_q = rng.uniform(0.1, 4.0, size=(2, 12))
    params = [torch.tensor(v, requires_grad=True) for v in (mu_p, sigma_p, mu_q, sigma_q)]
    kl = kl_divergence(Normal(params[0], params[1]), Normal(params[2], params[3]))
    kl.sum().backward()
    assert_close(functions["kl_gaussians"](mu_p, sigma_p, mu_q, sigma_q), kl.detach().numpy())
    for numpy_grad, param in zip(functions["kl_gaussians_grad"](mu_p, sigma_p, mu_q, sigma_q), params):
        assert_close(numpy_grad, param.grad.numpy())


@pytest.mark.parametrize("seed", SEEDS)
def test_kl_monte_carlo_agrees_with_the_closed_form(seed):
    functions = snippet("kl_numpy")
    rng = np.random.default_rng(seed)
    mu_p, mu_q = rng.normal(size=2)
    sigma_p, sigma_q = rng.uniform(0.5, 2.0, size=2)
    estimate, standard_error = functions["kl_monte_carlo"](mu_p, sigma_p, mu_q, sigma_q, 200_000, rng)
    assert abs(estimate - functions["kl_gaussians"](mu_p, sigma_p, mu_q, sigma_q)) < 5 * standard_error


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_poisson_nll(seed, reduction):
    functions = snippet("poisson_nll")
    rng = np.random.default_rng(seed)
    log_rate = rng.normal(size=(4, 6))
    counts = rng.poisson(lam=3.0, size=(4, 6)).astype(float)
    value, (grad_torch,), upstream = torch_value_and_grads(
        lambda z, y: F.poisson_nll_loss(z, y, log_input=True, full=False, reduction=reduction),
        [log_rate, counts],
        [0],
        rng,
    )
    assert_close(functions["poisson_nll"](log_rate, counts, reduction), value)
    assert_close(chained(functions["poisson_nll_grad"](log_rate, counts, reduction), upstream), grad_torch)
