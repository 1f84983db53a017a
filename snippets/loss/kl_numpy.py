import numpy as np
import torch
from torch.distributions import Normal, kl_divergence


def kl_gaussians(mu_p, sigma_p, mu_q, sigma_q):
    """KL(p || q) for p = N(mu_p, sigma_p^2) and q = N(mu_q, sigma_q^2), in closed form."""
    return np.log(sigma_q / sigma_p) + (sigma_p**2 + (mu_p - mu_q) ** 2) / (2 * sigma_q**2) - 0.5


def kl_gaussians_grad(mu_p, sigma_p, mu_q, sigma_q):
    """Derivatives of the closed form with respect to mu_p, sigma_p, mu_q and sigma_q."""
    return (
        (mu_p - mu_q) / sigma_q**2,
        -1 / sigma_p + sigma_p / sigma_q**2,
        (mu_q - mu_p) / sigma_q**2,
        1 / sigma_q - (sigma_p**2 + (mu_p - mu_q) ** 2) / sigma_q**3,
    )


def log_normal_pdf(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)


def kl_monte_carlo(mu_p, sigma_p, mu_q, sigma_q, num_samples: int, rng: np.random.Generator):
    """KL(p || q) = E_{x ~ p}[log p(x) - log q(x)], estimated by an average over samples of p; also its std error."""
    x = rng.normal(mu_p, sigma_p, size=num_samples)
    log_ratio = log_normal_pdf(x, mu_p, sigma_p) - log_normal_pdf(x, mu_q, sigma_q)
    return log_ratio.mean(), log_ratio.std() / np.sqrt(num_samples)


rng = np.random.default_rng(0)
closed = kl_gaussians(0.0, 1.0, 1.0, 2.0)  # p = N(0, 1), q = N(1, 2^2)
num_samples = 100_000
estimate, standard_error = kl_monte_carlo(0.0, 1.0, 1.0, 2.0, num_samples, rng)
print(f"KL(p || q) closed form : {closed:.4f}")
print(f"KL(p || q) Monte Carlo : {estimate:.4f} +- {standard_error:.4f}   ({num_samples:,} samples)")
print(f"KL(q || p) closed form : {kl_gaussians(1.0, 2.0, 0.0, 1.0):.4f}   (not symmetric)")
assert abs(estimate - closed) < 4 * standard_error

# Check against PyTorch on random float64 parameters: the same values and the same gradients.
mu_p, mu_q = rng.normal(size=(2, 10))
sigma_p, sigma_q = rng.uniform(0.2, 3.0, size=(2, 10))
params_torch = [torch.tensor(v, requires_grad=True) for v in (mu_p, sigma_p, mu_q, sigma_q)]
kl_torch = kl_divergence(Normal(params_torch[0], params_torch[1]), Normal(params_torch[2], params_torch[3]))
kl_torch.sum().backward()
assert np.allclose(kl_gaussians(mu_p, sigma_p, mu_q, sigma_q), kl_torch.detach().numpy(), rtol=0, atol=1e-12)
for grad_numpy, param in zip(kl_gaussians_grad(mu_p, sigma_p, mu_q, sigma_q), params_torch):
    assert np.allclose(grad_numpy, param.grad.numpy(), rtol=0, atol=1e-12)
print("matches torch.distributions.kl_divergence (value and gradients)")
