import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(4).to(device)  # N: one logit per image, "is there a cat?"
labels = torch.tensor([0, 1, 1, 0]).to(device)  # int64, exactly what cross-entropy wants

try:
    F.binary_cross_entropy_with_logits(logits, labels)
except RuntimeError as error:
    print(f"int64 targets: RuntimeError: {error}")
else:
    raise AssertionError("binary cross-entropy should refuse integer targets")

loss = F.binary_cross_entropy_with_logits(logits, labels.float())  # the fix: a float in [0, 1] per logit
print(f"float targets: binary cross-entropy = {loss.item():.4f}")

# The two losses want opposite things: cross-entropy int64 indices (N), BCE float targets shaped like the logits.
two_class_logits = torch.stack([torch.zeros_like(logits), logits], dim=1)  # N x 2: logit 0 for "no"
ce = F.cross_entropy(two_class_logits, labels)
print(f"cross-entropy on [0, logit] with int64 labels = {ce.item():.4f}")
assert torch.allclose(loss, ce)  # a sigmoid is a softmax over two classes, one logit fixed at 0
