import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# An imbalanced data set: 950 negatives (class 0), 50 positives (class 1).
labels = torch.cat([torch.zeros(950, dtype=torch.int64), torch.ones(50, dtype=torch.int64)])
dataset = TensorDataset(torch.randn(1000, 4), labels)

# Each sample is drawn with probability proportional to 1 / (size of its class): both classes equally often.
class_counts = torch.bincount(labels)  # K
sample_weights = 1.0 / class_counts[labels].double()  # N
generator = torch.Generator().manual_seed(0)
sampler = WeightedRandomSampler(sample_weights, num_samples=len(labels), replacement=True, generator=generator)
balanced = DataLoader(dataset, batch_size=100, sampler=sampler, num_workers=0)  # a sampler replaces shuffle=True
plain = DataLoader(dataset, batch_size=100, shuffle=True, num_workers=0, generator=torch.Generator().manual_seed(0))

positives = {}
for name, loader in [("shuffle=True", plain), ("weighted sampler", balanced)]:
    positives[name] = [int(batch_y.to(device).sum()) for _, batch_y in loader]  # one epoch
    print(f"{name:16s}: positives per batch of 100 = {positives[name]}")

share = sum(positives["weighted sampler"]) / len(labels)
print(f"share of positives drawn by the sampler in one epoch: {share:.2f}")
assert sum(positives["shuffle=True"]) == 50  # shuffling reorders: each sample exactly once
assert 0.4 < share < 0.6  # about half, although only 5 % of the data are positive
