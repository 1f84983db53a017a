"""Loss of the digits MLP around two trained points, along filter-normalized random directions (Li et al. 2018):
a 1-D slice and 21 x 21 2-D slices, for batch 32 and for the whole training set, as in landscape_slice.py."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

TEXT = {
    "ko": {
        "alpha": "α (방향 1)",
        "beta": "β (방향 2)",
        "loss": "훈련 손실",
        "small": "배치 32",
        "full": "훈련 세트 전체",
    },
    "en": {
        "alpha": "α (direction 1)",
        "beta": "β (direction 2)",
        "loss": "training loss",
        "small": "batch 32",
        "full": "whole training set",
    },
}
GRID = np.linspace(-1.0, 1.0, 21)


def data():
    digits = load_digits()
    x_train, _, y_train, _ = train_test_split(
        digits.data / 16, digits.target, test_size=0.25, stratify=digits.target, random_state=0
    )
    return torch.tensor(x_train, dtype=torch.float32), torch.tensor(y_train)


def train(x, y, batch_size, learning_rate=0.5, target_loss=0.05):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    epoch_loss = float("inf")
    while epoch_loss >= target_loss:
        batches = torch.randperm(len(x)).split(batch_size)
        total = 0.0
        for batch in batches:
            loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.detach()
        epoch_loss = total.item() / len(batches)
    return model


def direction(model, seed):
    generator = torch.Generator().manual_seed(seed)
    result = []
    for weight in model.parameters():
        d = torch.randn(weight.shape, generator=generator)
        if weight.dim() == 1:
            d.zero_()
        else:
            d *= weight.norm(dim=1, keepdim=True) / d.norm(dim=1, keepdim=True)
        result.append(d)
    return result


@torch.no_grad()
def surface(model, x, y, first, second):
    trained = [weight.clone() for weight in model.parameters()]
    values = np.empty((len(GRID), len(GRID)))
    for i, beta in enumerate(GRID):
        for j, alpha in enumerate(GRID):
            for weight, w0, d1, d2 in zip(model.parameters(), trained, first, second):
                weight.copy_(w0 + alpha * d1 + beta * d2)
            values[i, j] = torch.nn.functional.cross_entropy(model(x), y).item()
    for weight, w0 in zip(model.parameters(), trained):
        weight.copy_(w0)
    return values


def draw(lang: str):
    text = TEXT[lang]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: one thread is faster
    try:
        x, y = data()
        results = []
        for batch_size in (32, len(x)):
            model = train(x, y, batch_size)
            first, second = direction(model, 0), direction(model, 1)
            results.append(surface(model, x, y, first, second))
    finally:
        torch.set_num_threads(threads)
    figure, axes = plt.subplots(1, 3, figsize=(12, 3.8))
    middle = len(GRID) // 2
    levels = [0.1, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0]
    for index, (values, key) in enumerate(zip(results, ("small", "full"))):
        axes[0].plot(GRID, values[middle], "-o", color=f"C{index}", ms=3, lw=1.3, label=text[key])
        contours = axes[index + 1].contour(GRID, GRID, values, levels=levels, colors=f"C{index}", linewidths=0.8)
        axes[index + 1].clabel(contours, fontsize=7, fmt="%.1f")
        axes[index + 1].plot([0], [0], "*", color="#808080", ms=8)
        axes[index + 1].set_title(text[key], fontsize=10)
        axes[index + 1].set_xlabel(text["alpha"])
        axes[index + 1].set_ylabel(text["beta"])
        axes[index + 1].set_aspect("equal")
    axes[0].set_xlabel(text["alpha"])
    axes[0].set_ylabel(text["loss"])
    axes[0].grid(True)
    axes[0].legend(fontsize=8.5)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("landscape_slices.svg")
