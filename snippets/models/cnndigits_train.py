import time

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.set_num_threads(1)  # small models: more threads only add waiting

# Data: the data chapter's split, 60/20/20, stratified, statistics from the training set only.
digits = load_digits()
features, labels = digits.data, digits.target  # N x 64 pixels (0..16), N
rest, test = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels, random_state=0)
train, valid = train_test_split(rest, test_size=0.25, stratify=labels[rest], random_state=0)
# MLP: every pixel standardised on its own, as on the end-to-end page.
pixel_mean, pixel_std = features[train].mean(axis=0), features[train].std(axis=0)
pixel_std[pixel_std == 0] = 1.0  # a pixel always 0 in training stays as it is
# CNN: one mean and one std for all pixels, since the same kernel slides over every position.
mean, std = features[train].mean(), features[train].std()


def split(x, shape):
    def part(indices):
        images = torch.tensor(x[indices], dtype=torch.float32, device=device).reshape(-1, *shape)
        return images, torch.tensor(labels[indices], device=device)

    return part(train), part(valid), part(test)


mlp_data = split((features - pixel_mean) / pixel_std, (64,))
cnn_data = split((features - mean) / std, (1, 8, 8))  # N x 1 x 8 x 8: one channel
# A pixel almost always 0 in training has a tiny std: a touch of ink there in a test image becomes huge.
largest_per_pixel = mlp_data[2][0].abs().max().item()
largest_global = cnn_data[2][0].abs().max().item()
print(f"largest |standardised test pixel|: per pixel {largest_per_pixel:,.0f}, one mean and std {largest_global:.1f}")


def make_mlp():  # the end-to-end page's model
    return nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10))


def make_cnn():  # LeNet's pattern at the digits' scale
    return nn.Sequential(
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
    )


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    return (model(x).argmax(dim=1) == y).float().mean().item()


def fit(model, data, lr, epochs, batch_size=64):
    """The end-to-end page's recipe: AdamW, cosine schedule, smoothed labels, best validation epoch kept."""
    (x_train, y_train), (x_valid, y_valid), _ = data
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    best_valid, best_state = 0.0, None
    started = time.perf_counter()  # the loop only: a process's first optimizer also pays a one-off import
    for epoch in range(epochs):
        model.train()
        for batch in torch.randperm(len(x_train), device=device).split(batch_size):
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        valid_accuracy = accuracy(model, x_valid, y_valid)
        if valid_accuracy > best_valid:
            best_valid, best_state = valid_accuracy, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return best_valid, time.perf_counter() - started


print(f"{'model':5s} {'parameters':>10s} {'validation':>10s} {'test':>7s} {'epochs':>6s} {'time':>6s}")
models, results = {}, {}
for name, make, data, lr, epochs in [("MLP", make_mlp, mlp_data, 3e-3, 30), ("CNN", make_cnn, cnn_data, 1e-2, 20)]:
    torch.manual_seed(0)  # the same seed for both: initial weights and batch order
    model = models[name] = make().to(device)
    best_valid, seconds = fit(model, data, lr, epochs)
    results[name] = accuracy(model, *data[2])  # the test set, once
    count = sum(p.numel() for p in model.parameters())
    print(f"{name:5s} {count:10,} {best_valid:10.1%} {results[name]:7.1%} {epochs:6d} {seconds:5.1f}s")

cnn, (x_test, y_test) = models["CNN"], cnn_data[2]
with torch.no_grad():
    predictions = cnn(x_test).argmax(dim=1)
print(f"CNN: {(predictions != y_test).sum().item()} of {len(y_test)} test digits wrong")
assert results["CNN"] >= 0.98
