import numpy as np
import torch


def squared_errors(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One loss per sample: l(y_i, y_hat_i) = (y_hat_i - y_i)^2."""
    return (y_hat - y) ** 2


def reduce(per_sample: np.ndarray, reduction: str):
    """Turn the per-sample losses into what the optimizer sees."""
    if reduction == "none":
        return per_sample  # (n,): one number per sample, e.g. to weight or inspect them
    if reduction == "sum":
        return per_sample.sum()
    if reduction == "mean":
        return per_sample.mean()  # the default everywhere in PyTorch
    raise ValueError(f"unknown reduction {reduction!r}")


y = np.array([3.0, -0.5, 2.0, 7.0])  # targets
y_hat = np.array([2.5, 0.0, 2.0, 11.0])  # predictions
for reduction in ("none", "sum", "mean"):
    print(f"{reduction:>4}:", reduce(squared_errors(y_hat, y), reduction))

# The gradient of the mean is the gradient of the sum divided by n.
grad_sum = 2 * (y_hat - y)  # d/dy_hat of sum_i (y_hat_i - y_i)^2
grad_mean = grad_sum / len(y)
print("grad of sum :", grad_sum)
print("grad of mean:", grad_mean)

# Check against PyTorch on random float64 inputs, for every reduction.
rng = np.random.default_rng(0)
y_random, y_hat_random = rng.normal(size=(2, 10))
for reduction in ("none", "sum", "mean"):
    loss_torch = torch.nn.functional.mse_loss(torch.tensor(y_hat_random), torch.tensor(y_random), reduction=reduction)
    loss_numpy = reduce(squared_errors(y_hat_random, y_random), reduction)
    assert np.allclose(loss_numpy, loss_torch.numpy(), rtol=0, atol=1e-12)
print("matches mse_loss(reduction='none' / 'sum' / 'mean')")
