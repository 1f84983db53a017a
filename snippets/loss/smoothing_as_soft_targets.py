import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

eps, num_classes = 0.1, 4
logits = torch.randn(6, num_classes, device=device, dtype=torch.float64)
labels = torch.randint(0, num_classes, (6,), device=device)
soft_targets = (1 - eps) * F.one_hot(labels, num_classes).double() + eps / num_classes
weight = torch.tensor([1.0, 2.0, 0.5, 1.0], device=device, dtype=torch.float64)

for reduction in ("mean", "sum"):
    smoothed = F.cross_entropy(logits, labels, label_smoothing=eps, reduction=reduction)
    soft = F.cross_entropy(logits, soft_targets, reduction=reduction)
    print(f"no weights, {reduction:<4}: label_smoothing {smoothed.item():.6f}  soft targets {soft.item():.6f}")
    assert torch.isclose(smoothed, soft)

for reduction in ("mean", "sum"):
    smoothed = F.cross_entropy(logits, labels, weight=weight, label_smoothing=eps, reduction=reduction)
    soft = F.cross_entropy(logits, soft_targets, weight=weight, reduction=reduction)
    print(f"weights,    {reduction:<4}: label_smoothing {smoothed.item():.6f}  soft targets {soft.item():.6f}")

# With class weights the per-sample losses agree, but the mean divides by sum_i w_{y_i} for indices and by N for
# probabilities.
smoothed_sum = F.cross_entropy(logits, labels, weight=weight, label_smoothing=eps, reduction="sum")
assert torch.isclose(F.cross_entropy(logits, soft_targets, weight=weight, reduction="sum"), smoothed_sum)
assert torch.isclose(F.cross_entropy(logits, soft_targets, weight=weight), smoothed_sum / len(labels))
smoothed_mean = F.cross_entropy(logits, labels, weight=weight, label_smoothing=eps)
assert torch.isclose(smoothed_mean, smoothed_sum / weight[labels].sum())
