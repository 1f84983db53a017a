import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

batch_size, num_features = 5, 3

# Tabular regression: N x D float features, one real number to predict per row.
features = torch.randn(batch_size, num_features)  # N x D
true_weights = torch.tensor([[2.0], [-1.0], [0.5]])  # D x 1
targets = features @ true_weights + 0.1 * torch.randn(batch_size, 1)  # N x 1, float32 like the prediction
features, targets = features.to(device), targets.to(device)

model = torch.nn.Linear(num_features, 1).to(device)
predictions = model(features)  # N x 1

for name, tensor in [("features", features), ("targets", targets), ("predictions", predictions)]:
    print(f"{name:11s} {str(tuple(tensor.shape)):7s} {tensor.dtype}")
mse = F.mse_loss(predictions, targets)
mae = F.l1_loss(predictions, targets)
print(f"MSE = {mse.item():.4f}, MAE = {mae.item():.4f}")

# Several real numbers per sample (say, a 2-D position) are N x 2: same rule, same shapes.
positions = torch.randn(batch_size, 2).to(device)
print(
    f"two outputs: targets {tuple(positions.shape)}, MSE = {F.mse_loss(torch.zeros_like(positions), positions).item():.4f}"
)

assert predictions.shape == targets.shape == (batch_size, 1)  # same shape: no silent broadcasting
assert targets.dtype == predictions.dtype == torch.float32  # regression targets are floats
assert torch.allclose(mse, ((predictions - targets) ** 2).mean())
