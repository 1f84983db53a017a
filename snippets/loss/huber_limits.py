import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.randn(1000, device=device, dtype=torch.float64)
y_hat = torch.randn(1000, device=device, dtype=torch.float64)
mse = F.mse_loss(y_hat, y)
mae = F.l1_loss(y_hat, y)

for delta in (100.0, 1.0, 0.01):
    huber = F.huber_loss(y_hat, y, delta=delta)
    smooth_l1 = F.smooth_l1_loss(y_hat, y, beta=delta)
    print(f"delta {delta:>6}: huber {huber:.4f}  huber/delta {huber / delta:.4f}  smooth_l1 {smooth_l1:.4f}")
    assert torch.isclose(smooth_l1, huber / delta)
print(f"MSE / 2 = {mse / 2:.4f}   MAE = {mae:.4f}")

# A large delta makes every error "small": Huber becomes half the MSE.
assert torch.isclose(F.huber_loss(y_hat, y, delta=100.0), mse / 2)
# A tiny delta makes every error "large": Huber / delta (= Smooth L1) approaches the MAE.
assert abs(F.smooth_l1_loss(y_hat, y, beta=0.01) - mae) < 0.01
