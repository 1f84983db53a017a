import numpy as np
import torch


def reduce(per_element: np.ndarray, reduction: str):
    """'none' keeps one loss per element, 'sum' adds them, 'mean' averages them."""
    if reduction == "none":
        return per_element
    return per_element.sum() if reduction == "sum" else per_element.mean()


def huber(y_hat: np.ndarray, y: np.ndarray, delta: float = 1.0, reduction: str = "mean"):
    """Squared error for |r| < delta, a straight line beyond it; both pieces meet smoothly at |r| = delta."""
    abs_error = np.abs(y_hat - y)
    per_element = np.where(abs_error < delta, 0.5 * abs_error**2, delta * (abs_error - 0.5 * delta))
    return reduce(per_element, reduction)


def huber_grad(y_hat: np.ndarray, y: np.ndarray, delta: float = 1.0, reduction: str = "mean") -> np.ndarray:
    """dL/dy_hat = r inside the band, delta * sign(r) outside: the error clipped to [-delta, delta]."""
    grad = np.clip(y_hat - y, -delta, delta)
    return grad / y.size if reduction == "mean" else grad


def smooth_l1(y_hat: np.ndarray, y: np.ndarray, beta: float = 1.0, reduction: str = "mean"):
    """Smooth L1 is Huber divided by its threshold (beta > 0): the slope outside the band is 1, not beta."""
    return huber(y_hat, y, delta=beta, reduction=reduction) / beta


y = np.array([3.0, -0.5, 2.0, 7.0])  # targets
y_hat = np.array([2.5, 0.0, 2.0, 11.0])  # predictions; the last one is off by 4
print(f"Huber (delta=1) = {huber(y_hat, y):.4f}")
print("dL/dy_hat =", " ".join(f"{g:+.4f}" for g in huber_grad(y_hat, y)))

# Check against PyTorch on random float64 inputs: the same value and the same gradient.
rng = np.random.default_rng(0)
y_random, y_hat_random = 2 * rng.normal(size=(2, 3, 5))  # errors on both sides of delta
for delta in (0.5, 1.0, 2.0):
    y_hat_torch = torch.tensor(y_hat_random, requires_grad=True)
    loss_torch = torch.nn.functional.huber_loss(y_hat_torch, torch.tensor(y_random), delta=delta)
    loss_torch.backward()
    assert abs(huber(y_hat_random, y_random, delta) - loss_torch.item()) < 1e-12
    assert np.allclose(huber_grad(y_hat_random, y_random, delta), y_hat_torch.grad.numpy(), rtol=0, atol=1e-12)
    smooth_l1_torch = torch.nn.functional.smooth_l1_loss(y_hat_torch, torch.tensor(y_random), beta=delta)
    assert abs(smooth_l1(y_hat_random, y_random, delta) - smooth_l1_torch.item()) < 1e-12
print("matches torch.nn.functional.huber_loss and smooth_l1_loss (delta = beta = 0.5, 1, 2)")
