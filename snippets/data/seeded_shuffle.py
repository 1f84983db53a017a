import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
dataset = TensorDataset(torch.arange(8))  # sample i is just the number i


def orders(shuffle: bool, seed: int, epochs: int = 3) -> list[list[int]]:
    """The order in which one loader visits the samples, epoch by epoch."""
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=8, shuffle=shuffle, num_workers=0, generator=generator)
    return [torch.cat([batch for (batch,) in loader]).tolist() for _ in range(epochs)]


run_a, run_b, other_seed, no_shuffle = orders(True, 0), orders(True, 0), orders(True, 1), orders(False, 0)
for name, run in [
    ("seed 0, run A", run_a),
    ("seed 0, run B", run_b),
    ("seed 1", other_seed),
    ("shuffle=False", no_shuffle),
]:
    print(f"{name:14s}: " + " | ".join(" ".join(map(str, epoch)) for epoch in run))

assert run_a == run_b  # the same seed gives the same orders: a rerun is reproducible
assert run_a != other_seed  # another seed gives other orders
assert len({tuple(epoch) for epoch in run_a}) == 3  # each epoch is shuffled anew
assert all(epoch == list(range(8)) for epoch in no_shuffle)  # no shuffle: the stored order, every epoch
assert all(sorted(epoch) == list(range(8)) for epoch in run_a + other_seed)  # a permutation, nothing lost
