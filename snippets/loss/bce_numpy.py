import numpy as np
import torch


def reduce(per_element: np.ndarray, reduction: str):
    """'none' keeps one loss per element, 'sum' adds them, 'mean' averages them."""
    if reduction == "none":
        return per_element
    return per_element.sum() if reduction == "sum" else per_element.mean()


def binary_cross_entropy(probs: np.ndarray, targets: np.ndarray, reduction: str = "mean"):
    """-[y log p + (1 - y) log(1 - p)]; like PyTorch, each log is clamped at -100 so p = 0 or 1 stays finite."""
    with np.errstate(divide="ignore"):  # log(0) = -inf is clamped just below
        log_p = np.maximum(np.log(probs), -100)
        log_one_minus_p = np.maximum(np.log1p(-probs), -100)
    return reduce(-(targets * log_p + (1 - targets) * log_one_minus_p), reduction)


def binary_cross_entropy_grad(probs: np.ndarray, targets: np.ndarray, reduction: str = "mean") -> np.ndarray:
    """dL/dp = (p - y) / (p (1 - p))."""
    grad = (probs - targets) / (probs * (1 - probs))
    return grad / targets.size if reduction == "mean" else grad


def softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) without overflow: max(z, 0) + log(1 + e^-|z|)."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def bce_with_logits(logits: np.ndarray, targets: np.ndarray, pos_weight=1.0, reduction: str = "mean"):
    """The same loss read from the logit z, p = sigmoid(z): -log p = softplus(-z) and -log(1 - p) = z + softplus(-z).

    pos_weight multiplies the loss of the positive examples (y = 1)."""
    per_element = (1 - targets) * logits + (1 + (pos_weight - 1) * targets) * softplus(-logits)
    return reduce(per_element, reduction)


def bce_with_logits_grad(logits: np.ndarray, targets: np.ndarray, pos_weight=1.0, reduction: str = "mean"):
    """dL/dz = sigmoid(z) - y; with pos_weight w: sigmoid(z) (w y + 1 - y) - w y."""
    sigmoid = 0.5 * (1 + np.tanh(0.5 * logits))  # = 1 / (1 + e^-z), without overflow
    grad = sigmoid * (pos_weight * targets + 1 - targets) - pos_weight * targets
    return grad / targets.size if reduction == "mean" else grad


targets = np.array([1.0, 0.0, 1.0, 0.0])
probs = np.array([0.9, 0.2, 0.6, 0.99])  # the last one is confident and wrong
logits = np.log(probs / (1 - probs))  # the inverse of the sigmoid
print("per sample   :", " ".join(f"{v:.4f}" for v in binary_cross_entropy(probs, targets, reduction="none")))
print(f"from probs   : {binary_cross_entropy(probs, targets):.4f}")
print(f"from logits  : {bce_with_logits(logits, targets):.4f}")
print("dL/dz        :", " ".join(f"{g:+.4f}" for g in bce_with_logits_grad(logits, targets)))

# Check against PyTorch on random float64 inputs: the same values and the same gradients.
rng = np.random.default_rng(0)
logits_random = 3 * rng.normal(size=(4, 5))
targets_random = rng.integers(0, 2, size=(4, 5)).astype(float)
probs_random = 1 / (1 + np.exp(-logits_random))
logits_torch = torch.tensor(logits_random, requires_grad=True)
probs_torch = torch.tensor(probs_random, requires_grad=True)
from_logits = torch.nn.functional.binary_cross_entropy_with_logits(
    logits_torch, torch.tensor(targets_random), pos_weight=torch.tensor(3.0, dtype=torch.float64)
)
from_probs = torch.nn.functional.binary_cross_entropy(probs_torch, torch.tensor(targets_random))
(from_logits + from_probs).backward()
assert abs(bce_with_logits(logits_random, targets_random, pos_weight=3.0) - from_logits.item()) < 1e-12
assert abs(binary_cross_entropy(probs_random, targets_random) - from_probs.item()) < 1e-12
grad_from_logits = bce_with_logits_grad(logits_random, targets_random, pos_weight=3.0)
grad_from_probs = binary_cross_entropy_grad(probs_random, targets_random)
assert np.allclose(grad_from_logits, logits_torch.grad.numpy(), rtol=0, atol=1e-12)
assert np.allclose(grad_from_probs, probs_torch.grad.numpy(), rtol=1e-10, atol=0)
print("matches binary_cross_entropy and binary_cross_entropy_with_logits (value and gradient)")
