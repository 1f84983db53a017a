import numpy as np
import torch


def reduce(per_element: np.ndarray, reduction: str):
    """'none' keeps one loss per element, 'sum' adds them, 'mean' averages them."""
    if reduction == "none":
        return per_element
    return per_element.sum() if reduction == "sum" else per_element.mean()


def mse(y_hat: np.ndarray, y: np.ndarray, reduction: str = "mean"):
    """Mean squared error: (y_hat - y)^2 for every element, then reduced."""
    return reduce((y_hat - y) ** 2, reduction)


def mse_grad(y_hat: np.ndarray, y: np.ndarray, reduction: str = "mean") -> np.ndarray:
    """dL/dy_hat = 2 (y_hat - y), divided by n for the mean ('none': each element's own derivative)."""
    grad = 2 * (y_hat - y)
    return grad / y.size if reduction == "mean" else grad


y = np.array([3.0, -0.5, 2.0, 7.0])  # targets
y_hat = np.array([2.5, 0.0, 2.0, 11.0])  # predictions; the last one is off by 4
print(f"MSE = {mse(y_hat, y):.4f}")
print("dL/dy_hat =", " ".join(f"{g:+.4f}" for g in mse_grad(y_hat, y)))

# Check against PyTorch on random float64 inputs: the same value and the same gradient.
rng = np.random.default_rng(0)
y_random, y_hat_random = rng.normal(size=(2, 3, 5))  # two (3, 5) arrays
y_hat_torch = torch.tensor(y_hat_random, requires_grad=True)
loss_torch = torch.nn.functional.mse_loss(y_hat_torch, torch.tensor(y_random))
loss_torch.backward()
assert abs(mse(y_hat_random, y_random) - loss_torch.item()) < 1e-12
assert np.allclose(mse_grad(y_hat_random, y_random), y_hat_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches torch.nn.functional.mse_loss (value and gradient)")
