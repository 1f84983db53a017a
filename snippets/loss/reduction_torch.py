import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.tensor([3.0, -0.5, 2.0, 7.0], device=device)  # targets
y_hat = torch.tensor([2.5, 0.0, 2.0, 11.0], device=device, requires_grad=True)  # predictions
for reduction in ("none", "sum", "mean"):
    print(f"{reduction:>4}:", F.mse_loss(y_hat, y, reduction=reduction).detach().cpu().numpy())

# The gradient of the mean is the gradient of the sum divided by n.
F.mse_loss(y_hat, y, reduction="sum").backward()
grad_sum = y_hat.grad.clone()
y_hat.grad = None
F.mse_loss(y_hat, y, reduction="mean").backward()
grad_mean = y_hat.grad.clone()
print("grad of sum :", grad_sum.cpu().numpy())
print("grad of mean:", grad_mean.cpu().numpy())
assert torch.allclose(grad_mean, grad_sum / len(y))
# 'none' keeps the per-sample losses; summing or averaging them by hand gives the other two.
per_sample = F.mse_loss(y_hat, y, reduction="none")
assert torch.allclose(per_sample.sum(), F.mse_loss(y_hat, y, reduction="sum"))
assert torch.allclose(per_sample.mean(), F.mse_loss(y_hat, y))
print("mean = sum / n, for the loss and for its gradient")
