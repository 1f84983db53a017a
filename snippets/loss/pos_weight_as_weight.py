import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(10, device=device, dtype=torch.float64)
labels = torch.tensor([1, 0, 0, 0, 0, 0, 0, 1, 0, 0], device=device).double()  # 2 positives in 10
pos_weight = torch.tensor(4.0, device=device, dtype=torch.float64)

with_pos_weight = F.binary_cross_entropy_with_logits(logits, labels, pos_weight=pos_weight)
element_weight = torch.where(labels == 1, pos_weight, 1.0)  # weight 4 on every positive sample, 1 elsewhere
per_sample = F.binary_cross_entropy_with_logits(logits, labels, reduction="none")
print(f"pos_weight=4                     : {with_pos_weight.item():.6f}")
print(f"sum(weight * loss) / N           : {(element_weight * per_sample).sum().item() / len(labels):.6f}")
print(
    f"sum(weight * loss) / sum(weight) : {(element_weight * per_sample).sum().item() / element_weight.sum().item():.6f}"
)
# With 0/1 labels, pos_weight is a per-sample weight on the positives, and the mean still divides by N,
# unlike the class weights of cross_entropy, which divide by the sum of the weights.
assert torch.isclose(with_pos_weight, (element_weight * per_sample).mean())
