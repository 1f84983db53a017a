import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# What a VAE encoder outputs for a batch of 8 inputs and a 2-dimensional latent space.
mu = torch.randn(8, 2, device=device, dtype=torch.float64, requires_grad=True)
log_var = torch.randn(8, 2, device=device, dtype=torch.float64, requires_grad=True)

# KL(N(mu, sigma^2) || N(0, 1)) = 0.5 (mu^2 + sigma^2 - 1 - log sigma^2), summed over the latent dimensions.
closed_form = (0.5 * (mu**2 + log_var.exp() - 1 - log_var)).sum(dim=1).mean()
library = kl_divergence(Normal(mu, (0.5 * log_var).exp()), Normal(0.0, 1.0)).sum(dim=1).mean()
closed_form.backward()
print(f"closed form    : {closed_form.item():.6f}")
print(f"kl_divergence  : {library.item():.6f}")
assert torch.isclose(closed_form, library)
# It pulls every mean towards 0 and every variance towards 1: dKL/dmu = mu, dKL/dlog_var = (sigma^2 - 1) / 2.
assert torch.allclose(mu.grad, mu.detach() / 8)
assert torch.allclose(log_var.grad, 0.5 * (log_var.detach().exp() - 1) / 8)
print("gradients: mu / N and (sigma^2 - 1) / (2 N)")
