import torch
import torch.nn.functional as F
from torch.distributions import Normal

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.tensor([3.0, -0.5, 2.0, 7.0], device=device)  # targets
mean = torch.tensor([2.5, 0.0, 2.0, 11.0], device=device, requires_grad=True)  # predicted means
var_honest = torch.tensor([0.25, 0.25, 0.25, 16.0], device=device, requires_grad=True)  # unsure about the last one
var_sure = torch.full((4,), 0.25, device=device)
loss = F.gaussian_nll_loss(mean, y, var_honest)  # argument order: prediction, target, variance
loss.backward()
print(f"honest variance : {loss.item():.4f}")
print(f"same variance   : {F.gaussian_nll_loss(mean, y, var_sure).item():.4f}")
print("dL/dmean        :", " ".join(f"{g:+.4f}" for g in mean.grad.tolist()))
print("dL/dvar         :", " ".join(f"{g:+.4f}" for g in var_honest.grad.tolist()))
assert torch.equal(loss, torch.nn.GaussianNLLLoss()(mean, y, var_honest))
# full=True adds the constant 0.5 log(2 pi): then it is exactly -log N(y | mean, var), averaged.
exact_nll = -Normal(mean, var_honest.sqrt()).log_prob(y).mean()
assert torch.allclose(F.gaussian_nll_loss(mean, y, var_honest, full=True), exact_nll)

# Autograd against the analytic gradients on random float64 inputs.
mean_random = torch.randn(3, 5, device=device, dtype=torch.float64, requires_grad=True)
var_random = (0.1 + 2.9 * torch.rand(3, 5, device=device, dtype=torch.float64)).requires_grad_()
y_random = torch.randn(3, 5, device=device, dtype=torch.float64)
F.gaussian_nll_loss(mean_random, y_random, var_random).backward()
error, var_value, n = mean_random.detach() - y_random, var_random.detach(), y_random.numel()
assert torch.allclose(mean_random.grad, error / var_value / n, rtol=0, atol=1e-12)
assert torch.allclose(var_random.grad, 0.5 * (1 / var_value - error**2 / var_value**2) / n, rtol=0, atol=1e-12)
print("autograd gradients = analytic gradients for the mean and the variance")
