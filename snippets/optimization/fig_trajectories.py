"""The eight optimizers of the page on the same bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2, 100 steps each."""

import matplotlib.pyplot as plt
import numpy as np
import torch

TEXT = {
    "ko": {"x": "w₁", "y": "w₂", "lr": "학습률"},
    "en": {"x": "w₁", "y": "w₂", "lr": "lr"},
}
# The settings of the snippets on the page.
OPTIMIZERS = [
    ("SGD", lambda p: torch.optim.SGD(p, lr=0.4), 0.4),
    ("Momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9), 0.05),
    ("Nesterov", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True), 0.05),
    ("Adagrad", lambda p: torch.optim.Adagrad(p, lr=1.0), 1.0),
    ("Adadelta", lambda p: torch.optim.Adadelta(p, lr=1.0), 1.0),
    ("RMSprop", lambda p: torch.optim.RMSprop(p, lr=0.1), 0.1),
    ("Adam", lambda p: torch.optim.Adam(p, lr=0.3), 0.3),
    ("AdamW", lambda p: torch.optim.AdamW(p, lr=0.3, weight_decay=0.1), 0.3),
]
CURVATURE = torch.tensor([0.2, 4.0], dtype=torch.float64)


def trajectory(make_optimizer, steps: int = 100) -> np.ndarray:
    w = torch.tensor([-4.0, 1.5], dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([w])
    path = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        (0.5 * (CURVATURE * w**2).sum()).backward()
        optimizer.step()
        path.append(w.detach().clone())
    return torch.stack(path).numpy()


def draw(lang: str):
    text = TEXT[lang]
    w1, w2 = np.meshgrid(np.linspace(-4.6, 1.6, 63), np.linspace(-1.8, 1.8, 37))
    loss = 0.5 * (0.2 * w1**2 + 4.0 * w2**2)
    figure, axes = plt.subplots(2, 4, figsize=(12, 4.6), sharex=True, sharey=True)
    for index, (ax, (name, make_optimizer, learning_rate)) in enumerate(zip(axes.flat, OPTIMIZERS)):
        path = trajectory(make_optimizer)
        ax.contour(w1, w2, loss, levels=[0.05, 0.3, 1, 2.5, 5], colors="#808080", linewidths=0.5, alpha=0.6)
        ax.plot(path[:, 0], path[:, 1], "-", color=f"C{index}", lw=1.1)
        ax.plot(path[::10, 0], path[::10, 1], "o", color=f"C{index}", ms=2.5)  # every 10th step
        ax.plot([0], [0], "*", color="#808080", ms=8)
        ax.set_title(f"{name} ({text['lr']} {learning_rate})", fontsize=10)
        ax.set_xlim(-4.6, 1.6)
        ax.set_ylim(-1.8, 1.8)
    for ax in axes[1]:
        ax.set_xlabel(text["x"])
    for ax in axes[:, 0]:
        ax.set_ylabel(text["y"])
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("trajectories.svg")
