import numpy as np
import torch


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """log p_c = z_c - logsumexp(z), with the row maximum subtracted first."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def loss_coefficients(labels: np.ndarray, weight: np.ndarray, label_smoothing: float) -> np.ndarray:
    """a[i, c] such that sample i's loss is sum_c a[i, c] * (-log p[i, c])."""
    num_classes = len(weight)
    one_hot = np.eye(num_classes)[labels]  # (N, C)
    return (1 - label_smoothing) * weight[labels][:, None] * one_hot + label_smoothing / num_classes * weight


def cross_entropy(logits, labels, weight=None, label_smoothing: float = 0.0, reduction: str = "mean"):
    """PyTorch's cross-entropy with class indices: class weights w_c, label smoothing eps and a reduction.

    The weighted mean divides by the sum of the weights of the samples' classes, sum_i w_{y_i}, not by N."""
    weight = np.ones(logits.shape[1]) if weight is None else weight
    per_sample = (loss_coefficients(labels, weight, label_smoothing) * -log_softmax(logits)).sum(axis=1)
    if reduction == "none":
        return per_sample
    return per_sample.sum() if reduction == "sum" else per_sample.sum() / weight[labels].sum()


def cross_entropy_grad(logits, labels, weight=None, label_smoothing: float = 0.0, reduction: str = "mean"):
    """dL/dz_i = p_i * sum_c a[i, c] - a[i]; the mean divides by sum_i w_{y_i} again."""
    weight = np.ones(logits.shape[1]) if weight is None else weight
    a = loss_coefficients(labels, weight, label_smoothing)
    grad = np.exp(log_softmax(logits)) * a.sum(axis=1, keepdims=True) - a
    return grad / weight[labels].sum() if reduction == "mean" else grad


logits = np.array(
    [
        [2.0, 0.5, -1.0],
        [1.5, 0.2, 0.1],
        [0.3, 1.0, -0.5],
        [2.2, -0.3, 0.4],
        [0.8, 0.9, 0.1],
        [1.1, -0.2, 0.6],
        [0.9, 0.4, 0.2],
        [0.5, -0.1, 1.2],
    ]
)  # (8 samples, 3 classes)
labels = np.array([0, 0, 0, 0, 0, 0, 1, 2])  # class 0 is six times as common as the others
counts = np.bincount(labels, minlength=3)
weight = 1 / counts  # inverse frequency: rare classes weigh more
print("class weights      :", " ".join(f"{w:.4f}" for w in weight))
print(f"plain mean         : {cross_entropy(logits, labels):.4f}")
print(f"weighted mean      : {cross_entropy(logits, labels, weight):.4f}")
weighted_sum = cross_entropy(logits, labels, weight, reduction="sum")
print(f"weighted sum / N   : {weighted_sum / len(labels):.4f}   (not what PyTorch computes)")
assert np.isclose(cross_entropy(logits, labels, weight), weighted_sum / weight[labels].sum())

# Check against PyTorch on random float64 inputs: weights, label smoothing and every reduction.
rng = np.random.default_rng(0)
logits_random = 3 * rng.normal(size=(6, 4))
labels_random = rng.integers(0, 4, size=6)
weight_random = rng.uniform(0.5, 2.0, size=4)
labels_torch, weight_torch = torch.tensor(labels_random), torch.tensor(weight_random)
for eps in (0.0, 0.2):
    for reduction in ("mean", "sum"):
        logits_torch = torch.tensor(logits_random, requires_grad=True)
        loss_torch = torch.nn.functional.cross_entropy(
            logits_torch, labels_torch, weight_torch, label_smoothing=eps, reduction=reduction
        )
        loss_torch.backward()
        loss_numpy = cross_entropy(logits_random, labels_random, weight_random, eps, reduction)
        assert abs(loss_numpy - loss_torch.item()) < 1e-12
        grad = cross_entropy_grad(logits_random, labels_random, weight_random, eps, reduction)
        assert np.allclose(grad, logits_torch.grad.numpy(), rtol=0, atol=1e-12)
print("matches cross_entropy(..., weight=w, label_smoothing=eps) (value and gradient)")
