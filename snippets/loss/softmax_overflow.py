import numpy as np
import torch
import torch.nn.functional as F

logits = np.array([[1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1002.0]])  # (2 samples, 3 classes)
label = 0  # class 0 is correct for both samples


def naive_cross_entropy(logits: np.ndarray) -> np.ndarray:
    """-log(e^{z_y} / sum_c e^{z_c}), computed literally."""
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return -np.log(probs[:, label])


def stable_cross_entropy(logits: np.ndarray) -> np.ndarray:
    """logsumexp(z) - z_y with logsumexp(z) = m + log sum_c e^{z_c - m} and m = max_c z_c."""
    m = logits.max(axis=1, keepdims=True)
    logsumexp = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return logsumexp - logits[:, label]


with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):  # keep the output clean
    naive = naive_cross_entropy(logits)  # e^1000 = inf, inf / inf = nan; e^-1000 = 0, 0 / 0 = nan
stable = stable_cross_entropy(logits)
print("naive :", naive)
print("stable:", stable)

# PyTorch: log(softmax(z)) underflows to -inf for a very unlikely class; log_softmax and cross_entropy do not.
logits_torch = torch.tensor([[0.0, 200.0]])  # float32
print("log(softmax):", torch.log(torch.softmax(logits_torch, dim=1))[0, 0].item())
print("log_softmax :", F.log_softmax(logits_torch, dim=1)[0, 0].item())
assert np.isnan(naive).all() and np.isfinite(stable).all()
torch_losses = F.cross_entropy(torch.tensor(logits), torch.tensor([label, label]), reduction="none")
assert np.allclose(stable, torch_losses.numpy())
assert torch.isinf(torch.log(torch.softmax(logits_torch, dim=1))[0, 0])
