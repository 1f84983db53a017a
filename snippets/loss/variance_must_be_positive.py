import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

variance_head = torch.nn.Linear(4, 1).to(device)  # an output layer meant to predict a variance
features = torch.randn(8, 4, device=device)  # (8, 4)
mean = torch.zeros(8, 1, device=device)
y = torch.randn(8, 1, device=device)

raw = variance_head(features)  # (8, 1): any real number, negative ones included
print(f"raw outputs: min {raw.min().item():+.3f}, max {raw.max().item():+.3f}")

# Mistake 1: the raw output used as the variance.
try:
    F.gaussian_nll_loss(mean, y, raw)
except ValueError as error:
    print(f"raw            -> ValueError: {error}")

# Mistake 2: ReLU makes it non-negative, but a variance of 0 is clamped to eps = 1e-6 and the loss explodes.
relu_loss = F.gaussian_nll_loss(mean, y, F.relu(raw))
print(f"relu(raw)      -> loss {relu_loss.item():12.4f}")

# The fix: a smooth positive transform (softplus, or exp of a predicted log-variance) plus a small floor.
softplus_loss = F.gaussian_nll_loss(mean, y, F.softplus(raw) + 1e-6)
print(f"softplus(raw)  -> loss {softplus_loss.item():12.4f}")
assert (raw <= 0).any() and relu_loss > 1000 * softplus_loss
