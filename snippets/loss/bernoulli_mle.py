import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

flips = (torch.rand(200, device=device) < 0.3).double()  # 200 coin flips, heads (1) with probability 0.3
candidates = torch.linspace(0.001, 0.999, 999, device=device, dtype=torch.float64)  # constant predictions p

# The binary cross-entropy of every flip against each candidate p: the Bernoulli negative log-likelihood.
nll = torch.stack([F.binary_cross_entropy(p.expand_as(flips), flips) for p in candidates])
best_p = candidates[nll.argmin()].item()
print(f"share of heads         : {flips.mean().item():.3f}")
print(f"p with the lowest BCE  : {best_p:.3f}")
# d/dp of -[h log p + (n - h) log(1 - p)] is zero at p = h / n: the maximum likelihood estimate is the frequency.
assert abs(best_p - flips.mean().item()) < 1e-3
