import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# L(w) = (3w)^2 at w = 1, so dL/dw = 18w = 18.
w = torch.tensor(1.0, device=device, requires_grad=True)
print(f"before any backward: w.grad = {w.grad}")
for call in range(1, 4):
    loss = (3 * w) ** 2
    loss.backward()  # adds dL/dw to w.grad
    print(f"after backward call {call}: w.grad = {w.grad.item():.1f}")
w.grad = None  # what optimizer.zero_grad() does to every parameter
((3 * w) ** 2).backward()
print(f"after clearing, one more: w.grad = {w.grad.item():.1f}")

# The same rule, used on purpose: two half-batches give the gradient of the whole batch.
torch.manual_seed(0)
inputs = torch.randn(8, 3).to(device)
weights = torch.zeros(3, device=device, requires_grad=True)
(inputs @ weights - 1).pow(2).mean().backward()
whole = weights.grad.clone()
weights.grad = None
for half in (inputs[:4], inputs[4:]):
    ((half @ weights - 1).pow(2).mean() / 2).backward()  # each half is half of the mean
print(f"whole batch:             {[round(g, 4) for g in whole.tolist()]}")
print(f"two halves, accumulated: {[round(g, 4) for g in weights.grad.tolist()]}")
assert torch.allclose(weights.grad, whole, atol=1e-6)
