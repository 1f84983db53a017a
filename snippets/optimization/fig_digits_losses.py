"""Training loss of a small MLP on the bundled digits, one curve per optimizer (torch.optim, common settings)."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.datasets import load_digits

TEXT = {
    "ko": {"x": "갱신 횟수 (미니배치 100개씩)", "y": "훈련 손실 (로그 눈금)", "acc": "검증 정확도"},
    "en": {"x": "updates (mini-batches of 100)", "y": "training loss (log scale)", "acc": "validation accuracy"},
}
OPTIMIZERS = [
    ("SGD, lr 0.1", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("Momentum, lr 0.05", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    ("Nesterov, lr 0.05", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
    ("Adagrad, lr 0.05", lambda p: torch.optim.Adagrad(p, lr=0.05)),
    ("Adadelta, lr 1.0", lambda p: torch.optim.Adadelta(p, lr=1.0)),
    ("RMSprop, lr 0.001", lambda p: torch.optim.RMSprop(p, lr=1e-3)),
    ("Adam, lr 0.003", lambda p: torch.optim.Adam(p, lr=3e-3)),
    ("AdamW, lr 0.003", lambda p: torch.optim.AdamW(p, lr=3e-3, weight_decay=1e-2)),
]
EPOCHS, BATCH = 10, 100


def train(make_optimizer, x, y, train_index, val_index):
    """Losses of every update and the final validation accuracy; same initial weights and batches for all."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    optimizer = make_optimizer(model.parameters())
    losses = []
    for epoch in range(EPOCHS):
        order = train_index[torch.randperm(len(train_index), generator=torch.Generator().manual_seed(epoch))]
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    with torch.no_grad():
        accuracy = (model(x[val_index]).argmax(1) == y[val_index]).float().mean().item()
    return np.array(losses), accuracy


def smooth(values: np.ndarray, beta: float = 0.8) -> np.ndarray:
    average, out = values[0], []
    for value in values:
        average = beta * average + (1 - beta) * value
        out.append(average)
    return np.array(out)


def draw(lang: str):
    text = TEXT[lang]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: one thread is faster
    try:
        digits = load_digits()
        x = torch.tensor(digits.data, dtype=torch.float32)  # (1797, 64)
        y = torch.tensor(digits.target)
        order = torch.randperm(len(x), generator=torch.Generator().manual_seed(0))
        train_index, val_index = order[:1200], order[1200:]
        mean, std = x[train_index].mean(0), x[train_index].std(0)
        std = torch.where(std > 0, std, 1.0)  # a pixel always 0 in training stays as it is
        x = (x - mean) / std  # standardised with training statistics only
        results = [(name, *train(make, x, y, train_index, val_index)) for name, make in OPTIMIZERS]
    finally:
        torch.set_num_threads(threads)
    figure, axes = plt.subplots(figsize=(9.5, 4))
    for index, (name, losses, accuracy) in enumerate(results):
        label = f"{name} ({text['acc']} {accuracy:.3f})"
        axes.semilogy(smooth(losses), color=f"C{index}", lw=1.4, label=label, ls="--" if index % 2 else "-")
    axes.set_xlabel(text["x"])
    axes.set_ylabel(text["y"])
    axes.legend(fontsize=8.5, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    axes.grid(True, which="major")
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("digits_losses.svg")
