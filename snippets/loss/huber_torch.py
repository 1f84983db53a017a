import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.tensor([3.0, -0.5, 2.0, 7.0], device=device)  # targets
y_hat = torch.tensor([2.5, 0.0, 2.0, 11.0], device=device, requires_grad=True)  # predictions
loss = F.huber_loss(y_hat, y, delta=1.0)  # the module form torch.nn.HuberLoss(delta=1.0) computes the same
loss.backward()
print(f"Huber (delta=1) = {loss.item():.4f}")
print("dL/dy_hat =", " ".join(f"{g:+.4f}" for g in y_hat.grad.tolist()))
assert torch.equal(loss, torch.nn.HuberLoss(delta=1.0)(y_hat, y))

# Autograd against the analytic gradient clip(y_hat - y, -delta, delta) / n, on random float64 inputs.
y_random = 2 * torch.randn(3, 5, device=device, dtype=torch.float64)
y_hat_random = (2 * torch.randn(3, 5, device=device, dtype=torch.float64)).requires_grad_()
for delta in (0.5, 1.0, 2.0):
    y_hat_random.grad = None
    F.huber_loss(y_hat_random, y_random, delta=delta).backward()
    analytic_grad = (y_hat_random.detach() - y_random).clamp(-delta, delta) / y_random.numel()
    assert torch.allclose(y_hat_random.grad, analytic_grad, rtol=0, atol=1e-12)
    # Smooth L1 with beta = delta is the same loss divided by delta.
    smooth_l1 = F.smooth_l1_loss(y_hat_random, y_random, beta=delta)
    huber = F.huber_loss(y_hat_random, y_random, delta=delta)
    assert torch.allclose(smooth_l1, huber / delta, rtol=0, atol=1e-12)
print("autograd gradient = analytic gradient clip(y_hat - y, -delta, delta) / n")
print("smooth_l1_loss(beta=d) = huber_loss(delta=d) / d")
