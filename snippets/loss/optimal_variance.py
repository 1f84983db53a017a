import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

mean = torch.zeros(500, device=device, dtype=torch.float64)  # a fixed prediction
y = 0.7 * torch.randn(500, device=device, dtype=torch.float64)  # residuals with standard deviation about 0.7

# Learn one variance for all samples; optimise its logarithm so that it stays positive.
log_variance = torch.zeros((), device=device, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Adam([log_variance], lr=0.05)
for _ in range(300):
    loss = F.gaussian_nll_loss(mean, y, log_variance.exp().expand_as(y))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

mean_squared_residual = ((y - mean) ** 2).mean()
print(f"learned variance        : {log_variance.exp().item():.4f}")
print(f"mean squared residual   : {mean_squared_residual.item():.4f}")
print(f"NLL at the optimum      : {loss.item():.4f}")
print(f"0.5 (log MSE + 1)       : {0.5 * (mean_squared_residual.log() + 1).item():.4f}")
# Setting dL/dvar = 0.5 (1 / var - mean(r^2) / var^2) to zero gives var = mean(r^2): the MSE.
assert torch.isclose(log_variance.exp(), mean_squared_residual, rtol=1e-4)
