import numpy as np
import torch


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """log p_c = z_c - logsumexp(z), with the row maximum subtracted first."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def soft_cross_entropy(logits: np.ndarray, target_probs: np.ndarray, weight=None, reduction: str = "mean"):
    """-sum_c w_c t_c log p_c for each sample; the mean divides by the number of samples N."""
    weight = np.ones(logits.shape[1]) if weight is None else weight
    per_sample = -(weight * target_probs * log_softmax(logits)).sum(axis=1)
    if reduction == "none":
        return per_sample
    return per_sample.sum() if reduction == "sum" else per_sample.mean()


def soft_cross_entropy_grad(logits: np.ndarray, target_probs: np.ndarray, weight=None, reduction: str = "mean"):
    """With a_c = w_c t_c: dL/dz = p * sum_c a_c - a, which is p - t when the targets sum to 1 and w = 1."""
    weight = np.ones(logits.shape[1]) if weight is None else weight
    a = weight * target_probs  # (N, C)
    grad = np.exp(log_softmax(logits)) * a.sum(axis=1, keepdims=True) - a
    return grad / len(logits) if reduction == "mean" else grad


logits = np.array([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]])  # (3 samples, 3 classes)
one_hot = np.eye(3)[[0, 1, 0]]  # the labels 0, 1, 0 as rows of probabilities
soft = np.array([[0.9, 0.1, 0.0], [0.0, 1.0, 0.0], [0.6, 0.0, 0.4]])  # e.g. the votes of several annotators
print(f"one-hot targets: {soft_cross_entropy(logits, one_hot):.4f}")
print(f"soft targets   : {soft_cross_entropy(logits, soft):.4f}")
print("dL/dz, sample 3:", " ".join(f"{g:+.4f}" for g in soft_cross_entropy_grad(logits, soft)[2]))

# Check against PyTorch on random float64 inputs: cross_entropy accepts probabilities as the target too.
rng = np.random.default_rng(0)
logits_random = 3 * rng.normal(size=(6, 4))
targets_random = rng.dirichlet(np.ones(4), size=6)  # each row sums to 1
weight_random = rng.uniform(0.5, 2.0, size=4)
for weight in (None, weight_random):
    logits_torch = torch.tensor(logits_random, requires_grad=True)
    weight_torch = None if weight is None else torch.tensor(weight)
    loss_torch = torch.nn.functional.cross_entropy(logits_torch, torch.tensor(targets_random), weight=weight_torch)
    loss_torch.backward()
    assert abs(soft_cross_entropy(logits_random, targets_random, weight) - loss_torch.item()) < 1e-12
    grad = soft_cross_entropy_grad(logits_random, targets_random, weight)
    assert np.allclose(grad, logits_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches cross_entropy with probability targets (value and gradient, with and without class weights)")
