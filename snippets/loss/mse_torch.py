import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.tensor([3.0, -0.5, 2.0, 7.0], device=device)  # targets
y_hat = torch.tensor([2.5, 0.0, 2.0, 11.0], device=device, requires_grad=True)  # predictions
loss = F.mse_loss(y_hat, y)  # the module form torch.nn.MSELoss() computes the same
loss.backward()
print(f"MSE = {loss.item():.4f}")
print("dL/dy_hat =", " ".join(f"{g:+.4f}" for g in y_hat.grad.tolist()))
assert torch.equal(loss, torch.nn.MSELoss()(y_hat, y))

# Autograd against the analytic gradient 2 (y_hat - y) / n, on random float64 inputs.
y_random = torch.randn(3, 5, device=device, dtype=torch.float64)
y_hat_random = torch.randn(3, 5, device=device, dtype=torch.float64, requires_grad=True)
F.mse_loss(y_hat_random, y_random).backward()
analytic_grad = 2 * (y_hat_random.detach() - y_random) / y_random.numel()
assert torch.allclose(y_hat_random.grad, analytic_grad, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient 2 (y_hat - y) / n")
