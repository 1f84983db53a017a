import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# Data: split (stratified), then standardize with training statistics only.
digits = load_digits()
features, labels = digits.data, digits.target  # N x 64 float64, N int64
rest, test = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels, random_state=0)
train, valid = train_test_split(rest, test_size=0.25, stratify=labels[rest], random_state=0)
mean, std = features[train].mean(axis=0), features[train].std(axis=0)
std[std == 0] = 1.0


def as_tensors(part: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.tensor((features[part] - mean) / std, dtype=torch.float32)  # float32 for the model
    y = torch.tensor(labels[part], dtype=torch.int64)  # int64 for cross-entropy
    return x, y


train_loader = DataLoader(
    TensorDataset(*as_tensors(train)),
    batch_size=64,
    shuffle=True,
    num_workers=0,
    generator=torch.Generator().manual_seed(0),
)
valid_x, valid_y = (t.to(device) for t in as_tensors(valid))
test_x, test_y = (t.to(device) for t in as_tensors(test))

# Model, loss and optimization algorithm: the other three components, kept small.
model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def accuracy(x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


for epoch in range(1, 9):
    for batch_x, batch_y in train_loader:
        batch_x, batch_y = batch_x.to(device), batch_y.to(device)
        loss = F.cross_entropy(model(batch_x), batch_y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch in (1, 2, 4, 8):
        print(
            f"epoch {epoch:2d}: last batch loss {loss.item():.3f}, validation accuracy {accuracy(valid_x, valid_y):.3f}"
        )

test_accuracy = accuracy(test_x, test_y)  # looked at once, after every choice was made on validation
print(f"test accuracy {test_accuracy:.3f} on {len(test_y)} images never used for training or choosing")
assert test_accuracy > 0.9
