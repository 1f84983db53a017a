import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

targets = torch.tensor([1.0, 0.0, 1.0, 0.0], device=device)
probs = torch.tensor([0.9, 0.2, 0.6, 0.99], device=device)  # the last one is confident and wrong
logits = torch.logit(probs).requires_grad_()  # the inverse of the sigmoid
print("per sample   :", " ".join(f"{v:.4f}" for v in F.binary_cross_entropy(probs, targets, reduction="none").tolist()))
print(f"from probs   : {F.binary_cross_entropy(probs, targets).item():.4f}")
loss = F.binary_cross_entropy_with_logits(logits, targets)  # module form: torch.nn.BCEWithLogitsLoss()
loss.backward()
print(f"from logits  : {loss.item():.4f}")
print("dL/dz        :", " ".join(f"{g:+.4f}" for g in logits.grad.tolist()))

# Autograd against the analytic gradients on random float64 inputs:
# dL/dz = (sigmoid(z) - y) / n, and from probabilities dL/dp = (p - y) / (p (1 - p)) / n.
logits_random = (3 * torch.randn(4, 5, device=device, dtype=torch.float64)).requires_grad_()
targets_random = torch.randint(0, 2, (4, 5), device=device).double()
F.binary_cross_entropy_with_logits(logits_random, targets_random).backward()
analytic_grad = (torch.sigmoid(logits_random.detach()) - targets_random) / targets_random.numel()
assert torch.allclose(logits_random.grad, analytic_grad, rtol=0, atol=1e-12)

probs_random = torch.sigmoid(logits_random.detach()).requires_grad_()
F.binary_cross_entropy(probs_random, targets_random).backward()
p = probs_random.detach()
assert torch.allclose(probs_random.grad, (p - targets_random) / (p * (1 - p)) / p.numel(), rtol=1e-10, atol=0)
print("autograd gradients = analytic gradients (from logits and from probabilities)")
