import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

logits = torch.randn(4, 5, device=device, dtype=torch.float64, requires_grad=True)  # (4 samples, 5 classes)
labels = torch.randint(0, 5, (4,), device=device)
row_shift = torch.tensor([[100.0], [-50.0], [3.0], [0.0]], device=device, dtype=torch.float64)  # one constant per row

loss = F.cross_entropy(logits, labels)
shifted_loss = F.cross_entropy(logits + row_shift, labels)
(grad,) = torch.autograd.grad(loss, logits)
print(f"loss                 : {loss.item():.6f}")
print(f"loss, rows shifted   : {shifted_loss.item():.6f}")
print(f"largest |row sum| of the gradient < 1e-12: {grad.sum(dim=1).abs().max().item() < 1e-12}")
# Adding a constant to a row changes no probability; the gradient p - one_hot sums to 1 - 1 = 0 in every row,
# so gradient descent never moves a row's logits together: only their differences matter.
assert torch.isclose(loss, shifted_loss)
assert torch.allclose(grad.sum(dim=1), torch.zeros(4, device=device, dtype=torch.float64), atol=1e-15)
