"""Training and validation loss of the digits MLP of the regularisation page, 500 full-batch epochs."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.datasets import load_digits

TEXT = {
    "ko": {
        "train": "훈련 손실",
        "val": "검증 손실",
        "test": "테스트 손실 (참고용)",
        "best": "검증 손실 최저 (에포크 {epoch})",
        "x": "에포크",
        "y": "교차 엔트로피",
    },
    "en": {
        "train": "training loss",
        "val": "validation loss",
        "test": "test loss (for reference)",
        "best": "lowest validation loss (epoch {epoch})",
        "x": "epoch",
        "y": "cross-entropy",
    },
}


def curves(epochs=500):
    digits = load_digits()
    images = torch.tensor(digits.data, dtype=torch.float64) / 16  # float64, as in the page's snippets
    labels = torch.tensor(digits.target)
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(0))
    train, val, test = order[:300], order[300:800], order[800:]
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)).double()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.0)
    history = []
    for epoch in range(epochs):
        loss = torch.nn.functional.cross_entropy(model(images[train]), labels[train])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            val_loss = torch.nn.functional.cross_entropy(model(images[val]), labels[val]).item()
            test_loss = torch.nn.functional.cross_entropy(model(images[test]), labels[test]).item()
        history.append((loss.item(), val_loss, test_loss))
    return np.array(history)  # (epochs, 3)


def draw(lang: str):
    text = TEXT[lang]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: one thread is faster
    try:
        history = curves()
    finally:
        torch.set_num_threads(threads)
    epochs = np.arange(1, len(history) + 1)
    best = int(np.argmin(history[:, 1])) + 1
    figure, axes = plt.subplots(figsize=(8, 3.6))
    axes.plot(epochs, history[:, 0], lw=1.5, label=text["train"])
    axes.plot(epochs, history[:, 1], lw=1.5, label=text["val"])
    axes.plot(epochs, history[:, 2], lw=1.2, ls="--", label=text["test"])
    axes.axvline(best, color="#808080", ls=":", lw=1.2, label=text["best"].format(epoch=best))
    axes.set_ylim(0, 0.6)  # the first epochs (loss 2.3) are off the top: the interesting part is below
    axes.set_xlabel(text["x"])
    axes.set_ylabel(text["y"])
    axes.legend(fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("early_stopping.svg")
