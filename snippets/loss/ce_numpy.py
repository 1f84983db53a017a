import numpy as np
import torch


def reduce(per_sample: np.ndarray, reduction: str):
    """'none' keeps one loss per sample, 'sum' adds them, 'mean' averages them."""
    if reduction == "none":
        return per_sample
    return per_sample.sum() if reduction == "sum" else per_sample.mean()


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """log p_c = z_c - logsumexp(z); subtracting the row maximum first keeps exp from overflowing."""
    shifted = logits - logits.max(axis=1, keepdims=True)  # (N, C), largest entry of each row is 0
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def nll_loss(log_probs: np.ndarray, labels: np.ndarray, reduction: str = "mean"):
    """Negative log-likelihood: minus the log-probability of each sample's correct class."""
    return reduce(-log_probs[np.arange(len(labels)), labels], reduction)


def cross_entropy(logits: np.ndarray, labels: np.ndarray, reduction: str = "mean"):
    """Cross-entropy from logits = NLL after log-softmax."""
    return nll_loss(log_softmax(logits), labels, reduction)


def cross_entropy_grad(logits: np.ndarray, labels: np.ndarray, reduction: str = "mean") -> np.ndarray:
    """dL/dz = softmax(z) - one_hot(y) for each sample (divided by N for the mean)."""
    grad = np.exp(log_softmax(logits))
    grad[np.arange(len(labels)), labels] -= 1
    return grad / len(labels) if reduction == "mean" else grad


logits = np.array([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]])  # (3 samples, 3 classes)
labels = np.array([0, 1, 0])  # the third sample's correct class gets a low score
print("p(correct)   :", " ".join(f"{p:.4f}" for p in np.exp(-cross_entropy(logits, labels, reduction="none"))))
print("per sample   :", " ".join(f"{v:.4f}" for v in cross_entropy(logits, labels, reduction="none")))
print(f"cross-entropy: {cross_entropy(logits, labels):.4f}")
print("dL/dz, sample 3:", " ".join(f"{g:+.4f}" for g in cross_entropy_grad(logits, labels)[2]))

# Check against PyTorch on random float64 inputs: cross_entropy(z) = nll_loss(log_softmax(z)), values and gradients.
rng = np.random.default_rng(0)
logits_random = 3 * rng.normal(size=(6, 4))
labels_random = rng.integers(0, 4, size=6)
logits_torch = torch.tensor(logits_random, requires_grad=True)
loss_torch = torch.nn.functional.cross_entropy(logits_torch, torch.tensor(labels_random))
loss_torch.backward()
nll_torch = torch.nn.functional.nll_loss(torch.log_softmax(logits_torch, dim=1), torch.tensor(labels_random))
assert abs(cross_entropy(logits_random, labels_random) - loss_torch.item()) < 1e-12
assert abs(nll_loss(log_softmax(logits_random), labels_random) - nll_torch.item()) < 1e-12
assert np.allclose(cross_entropy_grad(logits_random, labels_random), logits_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches cross_entropy and nll_loss(log_softmax) (value and gradient)")
