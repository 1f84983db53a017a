import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Two sensors measured at 200 time steps: a daily cycle and a slower one, plus noise.
num_steps, window, horizon = 200, 24, 1
time = torch.arange(num_steps, dtype=torch.float32)
series = torch.stack([torch.sin(2 * torch.pi * time / 24), torch.cos(2 * torch.pi * time / 60)], dim=1)
series = series + 0.05 * torch.randn(num_steps, 2)  # S x F, S = steps, F = 2 features

# Sliding windows: each sample sees `window` steps and must predict the next `horizon` steps.
chunks = series.unfold(0, window + horizon, 1).permute(0, 2, 1)  # (S - window) x (window + horizon) x F
inputs = chunks[:, :window]  # N x T x F
targets = chunks[:, window:]  # N x horizon x F

# Split by time, never at random: the validation windows all come after the training ones.
split = int(0.8 * len(inputs))
train_inputs, train_targets = inputs[:split].to(device), targets[:split].to(device)
valid_inputs, valid_targets = inputs[split + window :].to(device), targets[split + window :].to(device)

# A stand-in model: a GRU reads batch_first input (N x T x F); its last state predicts the next step.
gru = torch.nn.GRU(input_size=2, hidden_size=16, batch_first=True).to(device)
head = torch.nn.Linear(16, 2 * horizon).to(device)
outputs, _ = gru(train_inputs)  # N x T x hidden
predictions = head(outputs[:, -1]).view(-1, horizon, 2)  # N x horizon x F

for name, tensor in [
    ("series", series),
    ("train_inputs", train_inputs),
    ("train_targets", train_targets),
    ("valid_inputs", valid_inputs),
    ("predictions", predictions),
]:
    print(f"{name:13s} {str(tuple(tensor.shape)):13s} {tensor.dtype}")
print(f"MSE of the untrained model = {F.mse_loss(predictions, train_targets).item():.4f}")

assert train_inputs.shape == (split, window, 2) and predictions.shape == train_targets.shape
# Window i is series[i : i + window]; its target is the step right after it.
assert torch.equal(inputs[7], series[7 : 7 + window]) and torch.equal(targets[7, 0], series[7 + window])
# No time step is seen by both a training window and a validation window.
steps = torch.arange(num_steps).unfold(0, window + horizon, 1)  # N x (window + horizon): steps of each window
assert not set(steps[:split].flatten().tolist()) & set(steps[split + window :].flatten().tolist())
