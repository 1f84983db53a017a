import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(12, 3, device=device, dtype=torch.float64)  # (12 samples, 3 classes)
labels = torch.tensor([0] * 8 + [1] * 3 + [2], device=device)  # 8, 3 and 1 samples per class
weight = 1 / torch.bincount(labels).double()  # inverse class frequency

weighted_mean = F.cross_entropy(logits, labels, weight=weight)
per_sample = F.cross_entropy(logits, labels, reduction="none")
per_class_mean = torch.stack([per_sample[labels == c].mean() for c in range(3)])
print("mean loss of each class :", " ".join(f"{v:.4f}" for v in per_class_mean.tolist()))
print(f"average of the three    : {per_class_mean.mean().item():.4f}")
print(f"weighted mean (PyTorch) : {weighted_mean.item():.4f}")
print(f"plain mean              : {per_sample.mean().item():.4f}")
# sum_i w_{y_i} l_i / sum_i w_{y_i} with w_c = 1 / n_c: every class contributes its mean loss, once.
assert torch.isclose(weighted_mean, per_class_mean.mean())
