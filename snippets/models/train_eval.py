import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Sequential(
    nn.Linear(8, 16),
    nn.BatchNorm1d(16),
    nn.ReLU(),
    nn.Dropout(p=0.5),
    nn.Linear(16, 2),
).to(device)
x = torch.randn(4, 8, device=device)  # a mini-batch of 4 samples

# Training mode: dropout zeroes random units, batch norm uses this batch's statistics
# and updates its running averages.
model.train()
first, second = model(x), model(x)
print(f"train mode: model.training={model.training}, two calls agree: {torch.equal(first, second)}")
print(f"  batches seen by batch norm: {model[1].num_batches_tracked.item()}")
assert not torch.equal(first, second)

# Evaluation mode: dropout is off, batch norm uses the running averages: deterministic.
model.eval()
with torch.no_grad():  # no graph for backpropagation: less memory, faster
    first, second = model(x), model(x)
    single = model(x[:1])  # one sample gets the same answer as inside the batch
print(f"eval mode:  model.training={model.training}, two calls agree: {torch.equal(first, second)}")
print(f"  batches seen by batch norm: {model[1].num_batches_tracked.item()}")
assert torch.equal(first, second)
assert torch.allclose(single, first[:1], atol=1e-6)
assert all(not layer.training for layer in model.modules())  # eval() reaches every layer
