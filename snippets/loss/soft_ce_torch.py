import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.tensor([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]], device=device, requires_grad=True)
labels = torch.tensor([0, 1, 0], device=device)
one_hot = F.one_hot(labels, num_classes=3).float()  # (3, 3) float: the same labels as probabilities
soft = torch.tensor([[0.9, 0.1, 0.0], [0.0, 1.0, 0.0], [0.6, 0.0, 0.4]], device=device)
loss = F.cross_entropy(logits, soft)  # a float (N, C) target is read as probabilities
loss.backward()
print(f"one-hot targets: {F.cross_entropy(logits, one_hot).item():.4f}")
print(f"soft targets   : {loss.item():.4f}")
print("dL/dz, sample 3:", " ".join(f"{g:+.4f}" for g in logits.grad[2].tolist()))
assert torch.allclose(F.cross_entropy(logits, one_hot), F.cross_entropy(logits, labels))

# Autograd against the analytic gradient (softmax(z) - t) / N on random float64 inputs.
logits_random = (3 * torch.randn(6, 4, device=device, dtype=torch.float64)).requires_grad_()
targets_random = torch.softmax(torch.randn(6, 4, device=device, dtype=torch.float64), dim=1)  # rows sum to 1
F.cross_entropy(logits_random, targets_random).backward()
analytic_grad = (torch.softmax(logits_random.detach(), dim=1) - targets_random) / len(targets_random)
assert torch.allclose(logits_random.grad, analytic_grad, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient softmax(z) - t, divided by N")
