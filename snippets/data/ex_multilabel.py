import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

class_names = ["person", "ball", "box"]
# Which objects appear in each of four images: any number of them, including none.
present = [["person", "ball", "box"], ["ball"], [], ["person", "box"]]

# Multi-hot targets: N x K floats, 1 where the class is present. Not class indices, not one-hot.
targets = torch.zeros(len(present), len(class_names))
for i, names in enumerate(present):
    targets[i, [class_names.index(name) for name in names]] = 1.0
targets = targets.to(device)
logits = torch.randn(len(present), len(class_names)).to(device)  # N x K, one independent logit per class

# Binary cross-entropy per class (a sigmoid each), averaged over N x K, instead of one softmax over K.
loss = F.binary_cross_entropy_with_logits(logits, targets)
predicted = (logits.sigmoid() > 0.5).int()
print(f"targets {tuple(targets.shape)} {targets.dtype}:\n{targets.cpu()}")
print(f"binary cross-entropy = {loss.item():.4f}")
print(f"predicted (probability > 0.5):\n{predicted.cpu()}")

assert targets.dtype == torch.float32 and targets.sum(dim=1).tolist() == [3.0, 1.0, 0.0, 2.0]
by_hand = -(targets * F.logsigmoid(logits) + (1 - targets) * F.logsigmoid(-logits)).mean()
assert torch.allclose(loss, by_hand)
