"""Gradient descent on the bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2 with two learning rates."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {"label": "학습률 {lr}, {steps}단계", "x": "w₁ (완만한 방향)", "y": "w₂ (가파른 방향)", "start": "시작"},
    "en": {
        "label": "learning rate {lr}, {steps} steps",
        "x": "w₁ (gentle direction)",
        "y": "w₂ (steep direction)",
        "start": "start",
    },
}
CURVATURE = np.array([0.2, 4.0])


def descend(learning_rate: float, steps: int) -> np.ndarray:
    path = [np.array([-4.0, 1.5])]
    for _ in range(steps):
        path.append(path[-1] - learning_rate * CURVATURE * path[-1])
    return np.array(path)


def draw(lang: str):
    text = TEXT[lang]
    w1, w2 = np.meshgrid(np.linspace(-4.5, 1.0, 120), np.linspace(-1.6, 1.8, 80))
    figure, axes = plt.subplots(figsize=(7.5, 3.6))
    loss = 0.5 * (CURVATURE[0] * w1**2 + CURVATURE[1] * w2**2)
    axes.contour(w1, w2, loss, levels=[0.05, 0.2, 0.5, 1, 2, 3.5, 6], colors="#808080", linewidths=0.6, alpha=0.6)
    for learning_rate, steps in [(0.1, 30), (0.45, 30)]:
        path = descend(learning_rate, steps)
        axes.plot(path[:, 0], path[:, 1], "o-", ms=3, lw=1.2, label=text["label"].format(lr=learning_rate, steps=steps))
    axes.plot([-4.0], [1.5], "s", color="#808080", ms=5)
    axes.annotate(text["start"], (-4.0, 1.5), textcoords="offset points", xytext=(6, 4))
    axes.plot([0], [0], "*", color="#808080", ms=10)
    axes.set_xlabel(text["x"])
    axes.set_ylabel(text["y"])
    axes.set_aspect("equal")
    axes.legend(loc="lower right", fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("gradient_descent_2d.svg")
