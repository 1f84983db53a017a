"""Gradient descent on f(w) = (w - 3)^2 with a learning rate that is too small, about right and too large."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "titles": ["학습률 0.05: 너무 작음", "학습률 0.4: 적당함", "학습률 1.05: 발산"],
        "x": "가중치 w",
        "y": "손실 f(w)",
        "steps": "단계",
        "distance": "|w − 3| (로그 눈금)",
        "legend": "학습률",
    },
    "en": {
        "titles": ["learning rate 0.05: too small", "learning rate 0.4: about right", "learning rate 1.05: diverges"],
        "x": "weight w",
        "y": "loss f(w)",
        "steps": "step",
        "distance": "|w − 3| (log scale)",
        "legend": "learning rate",
    },
}
LEARNING_RATES = [0.05, 0.4, 1.05]


def descend(learning_rate: float, start: float = -1.0, steps: int = 8) -> np.ndarray:
    w = [start]
    for _ in range(steps):
        w.append(w[-1] - learning_rate * 2 * (w[-1] - 3))  # f'(w) = 2 (w - 3)
    return np.array(w)


def draw(lang: str):
    text = TEXT[lang]
    grid = np.linspace(-3, 9, 200)
    figure, axes = plt.subplots(1, 4, figsize=(13, 3.3), gridspec_kw={"width_ratios": [1, 1, 1, 1.1]})
    for index, (ax, learning_rate) in enumerate(zip(axes, LEARNING_RATES)):
        path = descend(learning_rate)
        color = f"C{index}"
        ax.plot(grid, (grid - 3) ** 2, color="#808080", lw=1.2)
        ax.plot(path, (path - 3) ** 2, "o-", color=color, ms=4, lw=1.2)
        ax.set_title(text["titles"][index], fontsize=10.5)
        ax.set_xlabel(text["x"])
        ax.set_ylim(-2, 45)
    for ax in axes[1:3]:
        ax.set_yticklabels([])
    axes[0].set_ylabel(text["y"])
    # Right panel: the distance to the minimum, step by step, for the three rates.
    for index, learning_rate in enumerate(LEARNING_RATES):
        path = descend(learning_rate, steps=20)
        axes[3].semilogy(np.abs(path - 3) + 1e-12, "o-", color=f"C{index}", ms=3, lw=1, label=f"{learning_rate}")
    axes[3].set_ylim(1e-9, 1e2)
    axes[3].set_xlabel(text["steps"])
    axes[3].set_ylabel(text["distance"])
    axes[3].legend(title=text["legend"], fontsize=9, title_fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("learning_rate.svg")
