import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

num_classes, smoothing = 5, 0.1
logits = torch.randn(4, num_classes).to(device)  # N x K
class_indices = torch.tensor([0, 3, 1, 4]).to(device)  # N, int64

# Smoothed targets: the true class keeps 1 - smoothing, the rest is spread evenly over all K classes.
one_hot = F.one_hot(class_indices, num_classes).float()  # N x K
soft_targets = one_hot * (1 - smoothing) + smoothing / num_classes  # N x K, each row sums to 1
print(f"soft targets for class 0: {[round(p, 3) for p in soft_targets[0].tolist()]}")

loss_from_soft_targets = F.cross_entropy(logits, soft_targets)  # float targets: read as probabilities
loss_built_in = F.cross_entropy(logits, class_indices, label_smoothing=smoothing)  # the same, from indices
print(f"cross-entropy, soft targets        = {loss_from_soft_targets.item():.4f}")
print(f"cross-entropy, label_smoothing={smoothing} = {loss_built_in.item():.4f}")

assert torch.allclose(soft_targets.sum(dim=1), torch.ones(4, device=device))
assert torch.allclose(loss_from_soft_targets, loss_built_in)
