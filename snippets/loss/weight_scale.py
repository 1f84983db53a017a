import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(8, 3, device=device, dtype=torch.float64, requires_grad=True)
labels = torch.tensor([0, 0, 0, 0, 0, 1, 1, 2], device=device)
weight = torch.tensor([0.2, 0.5, 1.0], device=device, dtype=torch.float64)

for scale in (1.0, 10.0):
    mean = F.cross_entropy(logits, labels, weight=scale * weight)
    total = F.cross_entropy(logits, labels, weight=scale * weight, reduction="sum")
    (grad,) = torch.autograd.grad(mean, logits)
    print(
        f"weights x{scale:>4}: mean {mean.item():.6f}  sum {total.item():9.6f}  |grad of mean| {grad.norm().item():.6f}"
    )
# The weighted mean divides by the sum of the weights, so only their ratios matter; the sum scales with them.
mean_1 = F.cross_entropy(logits, labels, weight=weight)
assert torch.isclose(mean_1, F.cross_entropy(logits, labels, weight=10 * weight))
