import numpy as np
import torch


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """log p_c = z_c - logsumexp(z), with the row maximum subtracted first."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def smoothed_targets(labels: np.ndarray, num_classes: int, label_smoothing: float) -> np.ndarray:
    """(1 - eps) on the correct class plus eps / C spread over all classes."""
    return (1 - label_smoothing) * np.eye(num_classes)[labels] + label_smoothing / num_classes


def cross_entropy(logits: np.ndarray, labels: np.ndarray, label_smoothing: float = 0.0, reduction: str = "mean"):
    """(1 - eps) * (-log p_y) + eps / C * sum_c (-log p_c) for each sample."""
    log_probs = log_softmax(logits)
    nll = -log_probs[np.arange(len(labels)), labels]
    uniform = -log_probs.mean(axis=1)  # (1 / C) sum_c (-log p_c)
    per_sample = (1 - label_smoothing) * nll + label_smoothing * uniform
    if reduction == "none":
        return per_sample
    return per_sample.sum() if reduction == "sum" else per_sample.mean()


def cross_entropy_grad(logits: np.ndarray, labels: np.ndarray, label_smoothing: float = 0.0, reduction="mean"):
    """dL/dz = softmax(z) - smoothed target."""
    grad = np.exp(log_softmax(logits)) - smoothed_targets(labels, logits.shape[1], label_smoothing)
    return grad / len(labels) if reduction == "mean" else grad


logits = np.array([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]])  # (3 samples, 3 classes)
labels = np.array([0, 1, 0])
print("target of sample 1, eps=0.1:", " ".join(f"{t:.4f}" for t in smoothed_targets(labels, 3, 0.1)[0]))
print(f"eps = 0.0: {cross_entropy(logits, labels):.4f}")
print(f"eps = 0.1: {cross_entropy(logits, labels, label_smoothing=0.1):.4f}")
confident = np.array([[10.0, 0.0, 0.0]])  # right and very sure
print(f"confident and right, eps = 0.0: {cross_entropy(confident, np.array([0])):.4f}")
print(f"confident and right, eps = 0.1: {cross_entropy(confident, np.array([0]), label_smoothing=0.1):.4f}")

# Check against PyTorch on random float64 inputs, for several eps and every reduction.
rng = np.random.default_rng(0)
logits_random = 3 * rng.normal(size=(6, 4))
labels_random = rng.integers(0, 4, size=6)
for eps in (0.0, 0.1, 0.3):
    for reduction in ("mean", "sum"):
        logits_torch = torch.tensor(logits_random, requires_grad=True)
        loss_torch = torch.nn.functional.cross_entropy(
            logits_torch, torch.tensor(labels_random), label_smoothing=eps, reduction=reduction
        )
        loss_torch.backward()
        assert abs(cross_entropy(logits_random, labels_random, eps, reduction) - loss_torch.item()) < 1e-12
        grad = cross_entropy_grad(logits_random, labels_random, eps, reduction)
        assert np.allclose(grad, logits_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches cross_entropy(..., label_smoothing=eps) (value and gradient)")
