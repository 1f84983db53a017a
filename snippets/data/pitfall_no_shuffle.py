import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
train, test = train_test_split(np.arange(len(digits.target)), test_size=0.3, stratify=digits.target, random_state=0)
train = train[np.argsort(digits.target[train], kind="stable")]  # stored class by class, like one folder per class
mean, std = digits.data[train].mean(axis=0), digits.data[train].std(axis=0) + 1e-8
train_x = torch.tensor((digits.data[train] - mean) / std, dtype=torch.float32)
train_y = torch.tensor(digits.target[train])
test_x = torch.tensor((digits.data[test] - mean) / std, dtype=torch.float32).to(device)
test_y = torch.tensor(digits.target[test]).to(device)


def train_and_test(shuffle: bool) -> tuple[float, float, list[float]]:
    """Two epochs of SGD with momentum on a small MLP: test accuracy, share of tests called 9, last epoch's losses."""
    torch.manual_seed(0)  # the same initial weights for both runs
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loader = DataLoader(
        TensorDataset(train_x, train_y),
        batch_size=32,
        shuffle=shuffle,
        num_workers=0,
        generator=torch.Generator().manual_seed(0),
    )
    for _ in range(2):
        batch_losses = []
        for batch_x, batch_y in loader:
            loss = F.cross_entropy(model(batch_x.to(device)), batch_y.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            batch_losses.append(loss.item())
    with torch.no_grad():
        predicted = model(test_x).argmax(dim=1)
    return (predicted == test_y).float().mean().item(), (predicted == 9).float().mean().item(), batch_losses


single_class_batches = {}
for shuffle in [False, True]:
    loader = DataLoader(
        TensorDataset(train_x, train_y), batch_size=32, shuffle=shuffle, generator=torch.Generator().manual_seed(0)
    )
    single_class_batches[shuffle] = sum(len(batch_y.unique()) == 1 for _, batch_y in loader)
    print(f"shuffle={shuffle!s:5s}: {single_class_batches[shuffle]} of {len(loader)} batches hold a single class")

results = {shuffle: train_and_test(shuffle) for shuffle in [False, True]}
for shuffle, (accuracy, share_of_nines, losses) in results.items():
    print(
        f"shuffle={shuffle!s:5s}: test accuracy {accuracy:.3f}, predicted '9' for {share_of_nines:.0%} of test images, "
        f"epoch 2 batch loss: median {np.median(losses):.2f}, max {max(losses):.1f}"
    )

assert single_class_batches[False] > 25 and single_class_batches[True] == 0
assert results[False][0] < 0.5 < 0.9 < results[True][0]  # the fix: shuffle=True
