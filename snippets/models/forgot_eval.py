import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 2))
model = model.to(device)
x_train = torch.randn(256, 8, device=device) * 3 + 5  # training data: mean 5, std 3
for _ in range(50):  # a stand-in for training: batch norm learns the running statistics
    model(x_train[torch.randint(0, 256, (32,), device=device)])

# Mistake: predicting one sample while still in training mode.
new_sample = torch.randn(1, 8, device=device) * 3 + 5
try:
    model(new_sample)
except ValueError as error:
    print(f"train mode, batch of 1: ValueError: {error}")

# Mistake: in training mode the prediction for a sample depends on the rest of the batch.
batch_a = torch.cat([new_sample, torch.randn(7, 8, device=device) * 3 + 5])
batch_b = torch.cat([new_sample, torch.randn(7, 8, device=device) * 3 + 5])
with torch.no_grad():
    logits_a, logits_b = model(batch_a)[0], model(batch_b)[0]
gap = (logits_a - logits_b).abs().max().item()
print(f"train mode, same sample in two batches: logits differ by up to {gap:.2f}")
assert not torch.allclose(logits_a, logits_b, atol=1e-3)

model.eval()  # the fix: running statistics instead of the batch's
with torch.no_grad():
    logits_a, logits_b = model(batch_a)[0], model(batch_b)[0]
    logits_alone = model(new_sample)[0]
gap = max((logits_a - logits_b).abs().max().item(), (logits_a - logits_alone).abs().max().item())
print(f"eval mode, same sample in two batches or alone: logits differ by up to {gap:.2f}")
assert torch.allclose(logits_a, logits_b, atol=1e-6)
assert torch.allclose(logits_a, logits_alone, atol=1e-6)
