import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def normal(mean: float, std: float) -> Normal:
    return Normal(torch.tensor(mean, device=device), torch.tensor(std, device=device))


p, q = normal(0.0, 1.0), normal(1.0, 2.0)  # p = N(0, 1), q = N(1, 2^2)
closed = kl_divergence(p, q)  # closed form, registered for a pair of Normals

# Monte Carlo: KL(p || q) = E_{x ~ p}[log p(x) - log q(x)].
num_samples = 100_000
x = p.sample((num_samples,))
log_ratio = p.log_prob(x) - q.log_prob(x)
estimate, standard_error = log_ratio.mean(), log_ratio.std() / len(x) ** 0.5
print(f"KL(p || q) closed form : {closed.item():.4f}")
print(f"KL(p || q) Monte Carlo : {estimate.item():.4f} +- {standard_error.item():.4f}   ({num_samples:,} samples)")
print(f"KL(q || p) closed form : {kl_divergence(q, p).item():.4f}   (not symmetric)")
assert abs(estimate - closed) < 4 * standard_error

# Autograd against the analytic gradients of the closed form, on random float64 parameters.
mu_p, mu_q = torch.randn(2, 10, device=device, dtype=torch.float64)
sigma_p, sigma_q = 0.2 + 2.8 * torch.rand(2, 10, device=device, dtype=torch.float64)
mu_p.requires_grad_()
sigma_p.requires_grad_()
kl_divergence(Normal(mu_p, sigma_p), Normal(mu_q, sigma_q)).sum().backward()
assert torch.allclose(mu_p.grad, (mu_p.detach() - mu_q) / sigma_q**2, rtol=0, atol=1e-12)
assert torch.allclose(sigma_p.grad, -1 / sigma_p.detach() + sigma_p.detach() / sigma_q**2, rtol=0, atol=1e-12)
print("autograd gradients = analytic gradients (mu_p - mu_q) / sigma_q^2 and -1/sigma_p + sigma_p / sigma_q^2")
