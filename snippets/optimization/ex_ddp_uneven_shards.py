import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
inputs = torch.tensor(digits.data[:5] / 16, dtype=torch.float32, device=device)  # one batch of 5 digits
targets = torch.tensor(digits.target[:5], device=device)
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)


def gradient(rows):
    """The gradient of the mean loss over these rows, all parameters in one vector."""
    model.zero_grad()
    torch.nn.functional.cross_entropy(model(inputs[rows]), targets[rows]).backward()
    return torch.cat([parameter.grad.flatten() for parameter in model.parameters()])


batch = gradient(slice(0, 5))
shards, sizes = [slice(0, 3), slice(3, 5)], [3, 2]  # process 0 gets 3 samples, process 1 gets 2
mean_of_means = sum(gradient(shard) for shard in shards) / len(shards)  # what averaging the processes gives
weighted = sum(size * gradient(shard) for size, shard in zip(sizes, shards)) / sum(sizes)
print(f"mean of the two shards' gradients: off by {(mean_of_means - batch).abs().max().item():.1e}")
print(f"weighted by shard size:            off by {(weighted - batch).abs().max().item():.1e}")
assert (mean_of_means - batch).abs().max() > 1e-3
assert torch.allclose(weighted, batch, atol=1e-6)
