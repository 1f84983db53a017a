import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.tensor([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]], device=device)
labels = torch.tensor([0, 1, 0], device=device)
smoothed = 0.9 * F.one_hot(labels, 3).float() + 0.1 / 3  # (1 - eps) one-hot + eps / C
print("target of sample 1, eps=0.1:", " ".join(f"{t:.4f}" for t in smoothed[0].tolist()))
print(f"eps = 0.0: {F.cross_entropy(logits, labels).item():.4f}")
# The module form is torch.nn.CrossEntropyLoss(label_smoothing=0.1).
print(f"eps = 0.1: {F.cross_entropy(logits, labels, label_smoothing=0.1).item():.4f}")
confident = torch.tensor([[10.0, 0.0, 0.0]], device=device)  # right and very sure
correct = torch.tensor([0], device=device)
print(f"confident and right, eps = 0.0: {F.cross_entropy(confident, correct).item():.4f}")
print(f"confident and right, eps = 0.1: {F.cross_entropy(confident, correct, label_smoothing=0.1).item():.4f}")

# Autograd against the analytic gradient (softmax(z) - smoothed target) / N on random float64 inputs.
eps = 0.1
logits_random = (3 * torch.randn(6, 4, device=device, dtype=torch.float64)).requires_grad_()
labels_random = torch.randint(0, 4, (6,), device=device)
F.cross_entropy(logits_random, labels_random, label_smoothing=eps).backward()
target = (1 - eps) * F.one_hot(labels_random, 4).double() + eps / 4
analytic_grad = (torch.softmax(logits_random.detach(), dim=1) - target) / len(labels_random)
assert torch.allclose(logits_random.grad, analytic_grad, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient softmax(z) - smoothed target, divided by N")
