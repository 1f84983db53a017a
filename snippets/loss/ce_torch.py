import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.tensor([[3.0, 1.0, 0.2], [0.5, 2.5, 0.3], [1.2, 0.2, 3.0]], device=device, requires_grad=True)
labels = torch.tensor([0, 1, 0], device=device)  # class indices, dtype int64
per_sample = F.cross_entropy(logits, labels, reduction="none")
loss = F.cross_entropy(logits, labels)  # module form: torch.nn.CrossEntropyLoss()
loss.backward()
print("p(correct)   :", " ".join(f"{p:.4f}" for p in torch.exp(-per_sample).tolist()))
print("per sample   :", " ".join(f"{v:.4f}" for v in per_sample.tolist()))
print(f"cross-entropy: {loss.item():.4f}")
print("dL/dz, sample 3:", " ".join(f"{g:+.4f}" for g in logits.grad[2].tolist()))
# The same loss in two steps: log-softmax, then the negative log-likelihood of the correct class.
assert torch.allclose(loss, F.nll_loss(F.log_softmax(logits, dim=1), labels))

# Autograd against the analytic gradient (softmax(z) - one_hot(y)) / N on random float64 inputs.
logits_random = (3 * torch.randn(6, 4, device=device, dtype=torch.float64)).requires_grad_()
labels_random = torch.randint(0, 4, (6,), device=device)
F.cross_entropy(logits_random, labels_random).backward()
one_hot = F.one_hot(labels_random, num_classes=4).double()
analytic_grad = (torch.softmax(logits_random.detach(), dim=1) - one_hot) / len(labels_random)
assert torch.allclose(logits_random.grad, analytic_grad, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient softmax(z) - one_hot(y), divided by N")
