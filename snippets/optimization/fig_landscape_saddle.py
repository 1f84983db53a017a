"""Gradient descent and momentum started next to the saddle point of
f(x, y) = x^4/4 - x^3/3 - x^2 + (y - x^2/2)^2, as in landscape_saddle_escape.py."""

import matplotlib.pyplot as plt
import numpy as np
import torch

TEXT = {
    "ko": {
        "x": "x",
        "y": "y",
        "step": "단계",
        "loss": "손실 f",
        "gd": "경사 하강법",
        "momentum": "모멘텀 0.9",
        "global": "전역 최솟값",
        "local": "국소 최솟값",
        "saddle": "안장점",
    },
    "en": {
        "x": "x",
        "y": "y",
        "step": "step",
        "loss": "loss f",
        "gd": "gradient descent",
        "momentum": "momentum 0.9",
        "global": "global minimum",
        "local": "local minimum",
        "saddle": "saddle point",
    },
}
STARTS = [(0.001, 1.0), (-0.001, 1.0)]
METHODS = [("gd", 0.0), ("momentum", 0.9)]


def loss(w):
    x, y = w[..., 0], w[..., 1]
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def run(start, momentum, learning_rate=0.05, steps=120):
    w = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=learning_rate, momentum=momentum)
    path = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        loss(w).backward()
        optimizer.step()
        path.append(w.detach().clone())
    return torch.stack(path).numpy()


def draw(lang: str):
    text = TEXT[lang]
    x, y = np.meshgrid(np.linspace(-2.0, 3.0, 101), np.linspace(-1.0, 3.5, 91))
    surface = loss(np.stack([x, y], axis=-1))
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [1.1, 1]})
    left.contour(
        x,
        y,
        surface,
        levels=[-2.5, -2, -1.5, -1, -0.5, -0.25, 0, 0.5, 1, 2, 4],
        colors="#808080",
        linewidths=0.5,
        alpha=0.6,
    )
    for start_index, start in enumerate(STARTS):
        for method_index, (key, momentum) in enumerate(METHODS):
            path = run(start, momentum)
            style = "-" if start_index == 0 else "--"
            label = text[key] if start_index == 0 else None
            left.plot(path[:, 0], path[:, 1], style, color=f"C{method_index}", lw=1.2, label=label)
            left.plot(path[::5, 0], path[::5, 1], "o", color=f"C{method_index}", ms=2.2)  # every 5th step
            right.plot(loss(path), style, color=f"C{method_index}", lw=1.3, label=label)
    left.plot([2], [2], "*", color="#808080", ms=11, label=text["global"])
    left.plot([-1], [0.5], "s", color="#808080", ms=6, label=text["local"])
    left.plot([0], [0], "X", color="#808080", ms=8, label=text["saddle"])
    left.set_xlabel(text["x"])
    left.set_ylabel(text["y"])
    left.legend(fontsize=8.5, loc="upper left")
    right.axhline(0.0, color="#808080", lw=0.6, ls=":")
    right.set_xlabel(text["step"])
    right.set_ylabel(text["loss"])
    right.grid(True)
    right.legend(fontsize=8.5)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("landscape_saddle.svg")
