import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

digits = load_digits()
images, labels = digits.images, digits.target  # N x 8 x 8, N
train, test = train_test_split(np.arange(len(labels)), test_size=0.3, stratify=labels, random_state=0)
mean, std = images[train].mean(axis=0), images[train].std(axis=0) + 1e-8  # 8 x 8 each


def to_inputs(batch: np.ndarray) -> torch.Tensor:
    return torch.tensor((batch - mean) / std, dtype=torch.float32).flatten(1).to(device)  # N x 64


# A linear classifier on the unflipped training images (full-batch gradient descent).
model = torch.nn.Linear(64, 10).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
train_x, train_y = to_inputs(images[train]), torch.tensor(labels[train]).to(device)
for _ in range(50):
    loss = F.cross_entropy(model(train_x), train_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    as_stored = model(to_inputs(images[test])).argmax(dim=1).cpu().numpy()
    mirrored = model(to_inputs(images[test][:, :, ::-1])).argmax(dim=1).cpu().numpy()  # flip the width axis
print(
    f"test accuracy, as stored: {(as_stored == labels[test]).mean():.3f}, mirrored: {(mirrored == labels[test]).mean():.3f}"
)
print("still recognised after mirroring, per class:")
per_class = [(mirrored[labels[test] == k] == k).mean() for k in range(10)]
print("  " + "  ".join(f"{k}: {share:.2f}" for k, share in enumerate(per_class)))

assert (mirrored == labels[test]).mean() < (as_stored == labels[test]).mean() - 0.3
assert min(per_class[0], per_class[8]) > max(per_class[3], per_class[7])  # symmetric shapes survive, others not
