import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)

digits = load_digits()
labels = digits.target
rest, test = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels, random_state=0)
train, valid = train_test_split(rest, test_size=0.25, stratify=labels[rest], random_state=0)
features = (digits.data - digits.data[train].mean()) / digits.data[train].std()
shuffle = np.random.default_rng(0).permutation(64)  # one fixed order of the 64 pixels, for every image alike


def part(x, indices):
    images = torch.tensor(x[indices], dtype=torch.float32, device=device).reshape(-1, 1, 8, 8)
    return images, torch.tensor(labels[indices], device=device)


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    return (model(x).argmax(dim=1) == y).float().mean().item()


def train_cnn(x):
    """cnndigits_train.py's CNN and recipe; returns the test accuracy of the best validation epoch."""
    torch.manual_seed(0)
    (x_train, y_train), (x_valid, y_valid), (x_test, y_test) = (part(x, i) for i in (train, valid, test))
    model = nn.Sequential(
        nn.Conv2d(1, 16, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 2 * 2, 64),
        nn.ReLU(),
        nn.Linear(64, 10),
    ).to(device)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20)
    best_valid, best_test = 0.0, 0.0
    for epoch in range(20):
        model.train()
        for batch in torch.randperm(len(x_train), device=device).split(64):
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        if (valid_accuracy := accuracy(model, x_valid, y_valid)) > best_valid:
            best_valid, best_test = valid_accuracy, accuracy(model, x_test, y_test)
    return best_test


accuracy_shuffled = train_cnn(features[:, shuffle])
print(f"CNN test accuracy with the pixels shuffled: {accuracy_shuffled:.1%}")
assert accuracy_shuffled < 0.98  # cnndigits_train.py, pixels in place: at least 98 %

# An MLP cannot tell the difference: its first layer, columns shuffled alike, undoes the shuffle exactly.
layer = nn.Linear(64, 256).to(device)
x = torch.tensor(features[test], dtype=torch.float32, device=device)
with torch.no_grad():
    same = torch.allclose(layer(x), x[:, shuffle] @ layer.weight[:, shuffle].T + layer.bias, atol=1e-5)
print(f"MLP first layer, inputs and weight columns shuffled alike: same outputs {same}")
assert same
