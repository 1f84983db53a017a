import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(6, device=device, dtype=torch.float64, requires_grad=True)  # (6,): one logit per sample
labels = torch.randint(0, 2, (6,), device=device)  # 0 or 1
two_class_logits = torch.stack([torch.zeros_like(logits), logits], dim=1)  # (6, 2): class 0 always gets logit 0

bce = F.binary_cross_entropy_with_logits(logits, labels.double())
ce = F.cross_entropy(two_class_logits, labels)
(grad_bce,) = torch.autograd.grad(bce, logits)
(grad_ce,) = torch.autograd.grad(ce, logits)
print(f"binary cross-entropy with logit z      : {bce.item():.6f}")
print(f"cross-entropy with logits [0, z]       : {ce.item():.6f}")
print(f"same gradient                          : {torch.allclose(grad_bce, grad_ce)}")
# sigmoid(z) = e^z / (e^0 + e^z): the softmax of [0, z]. One logit is enough for two classes.
assert torch.allclose(torch.sigmoid(logits), torch.softmax(two_class_logits, dim=1)[:, 1])
assert torch.isclose(bce, ce) and torch.allclose(grad_bce, grad_ce)
