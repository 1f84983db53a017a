import math

import numpy as np
import torch


def poisson_nll(log_rate: np.ndarray, counts: np.ndarray, reduction: str = "mean"):
    """-log Poisson(y | rate) = e^z - y z + log(y!) with z = log rate; log(y!) does not depend on the model: dropped."""
    per_element = np.exp(log_rate) - counts * log_rate
    if reduction == "none":
        return per_element
    return per_element.sum() if reduction == "sum" else per_element.mean()


def poisson_nll_grad(log_rate: np.ndarray, counts: np.ndarray, reduction: str = "mean") -> np.ndarray:
    """dL/dz = e^z - y: the predicted rate minus the count."""
    grad = np.exp(log_rate) - counts
    return grad / counts.size if reduction == "mean" else grad


rng = np.random.default_rng(0)
counts = rng.poisson(lam=3.0, size=500).astype(float)  # e.g. visitors per minute
log_rate = rng.normal(size=500)  # some model's predicted log-rates

log_rate_torch = torch.tensor(log_rate, requires_grad=True)
loss_torch = torch.nn.functional.poisson_nll_loss(log_rate_torch, torch.tensor(counts), log_input=True, full=False)
loss_torch.backward()
print(f"from scratch : {poisson_nll(log_rate, counts):.6f}")
print(f"PyTorch      : {loss_torch.item():.6f}")
assert abs(poisson_nll(log_rate, counts) - loss_torch.item()) < 1e-12
assert np.allclose(poisson_nll_grad(log_rate, counts), log_rate_torch.grad.numpy(), rtol=0, atol=1e-12)

# The best constant rate: the gradient e^z - y averages to zero where e^z is the mean count.
best_log_rate = math.log(counts.mean())
constant = np.full(500, best_log_rate)
print(
    f"mean count {counts.mean():.3f}; loss at log(mean) {poisson_nll(constant, counts):.4f}, "
    f"at log(mean) +- 0.1: {poisson_nll(constant + 0.1, counts):.4f}, {poisson_nll(constant - 0.1, counts):.4f}"
)
assert abs(poisson_nll_grad(constant, counts).sum()) < 1e-9
