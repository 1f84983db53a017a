import math

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

num_samples, batch_size = 9, 4
dataset = TensorDataset(torch.randn(num_samples, 3), torch.randint(0, 2, (num_samples,)))
model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.BatchNorm1d(5)).to(device).train()

for drop_last in [False, True]:
    loader = DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=True,
        drop_last=drop_last,
        num_workers=0,
        generator=torch.Generator().manual_seed(0),
    )
    sizes = [len(features) for features, _ in loader]
    print(f"drop_last={drop_last!s:5s}: len(loader) = {len(loader)}, batch sizes {sizes}")
    failed = False
    try:
        for features, _ in loader:
            model(features.to(device))  # batch normalization needs 2+ samples to estimate a variance
        print("  every batch went through the model")
    except ValueError as error:
        failed = True
        print(f"  ValueError: {error}")
    assert failed == (not drop_last) and (sizes[-1] == 1) == failed  # the lone last sample is the culprit

assert len(DataLoader(dataset, batch_size=batch_size)) == math.ceil(num_samples / batch_size)  # 3
assert len(DataLoader(dataset, batch_size=batch_size, drop_last=True)) == num_samples // batch_size  # 2
