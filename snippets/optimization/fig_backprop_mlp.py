"""The computational graph of backprop_mlp_numpy.py's two-layer MLP: values forward, gradients backward."""

import matplotlib.pyplot as plt

TEXT = {
    "ko": {"input": "입력 X", "target": "타깃 y", "forward": "순전파: 값", "backward": "역전파: 기울기"},
    "en": {"input": "input X", "target": "target y", "forward": "forward: values", "backward": "backward: gradients"},
}
VALUE, GRAD, INK = "#3b82f6", "#f97316", "#808080"
# The chain, left to right: (label, x position, box width, the gradient arriving at its output or None).
CHAIN = [
    ("input", 0.0, 1.3, None),
    ("Z₁ = X W₁ + b₁", 3.0, 2.1, "∂L/∂Z₁ = ∂L/∂H ⊙ (1 − H²)"),
    ("H = tanh(Z₁)", 6.0, 1.9, "∂L/∂H = ∂L/∂Z₂ W₂ᵀ"),
    ("Z₂ = H W₂ + b₂", 9.0, 2.1, "∂L/∂Z₂ = (P − Y) / n"),
    ("L = CE(softmax(Z₂), y)", 12.4, 2.9, None),
]
# Inputs from above: (label, x position, width, the gradients of these parameters or None).
ABOVE = [
    ("W₁, b₁", 3.0, 1.4, "∂L/∂W₁ = Xᵀ ∂L/∂Z₁\n∂L/∂b₁ = Σₙ ∂L/∂Z₁"),
    ("W₂, b₂", 9.0, 1.4, "∂L/∂W₂ = Hᵀ ∂L/∂Z₂\n∂L/∂b₂ = Σₙ ∂L/∂Z₂"),
    ("target", 12.4, 1.4, None),
]


def box(ax, x, y, width, label, bold=True):
    ax.add_patch(plt.Rectangle((x - width / 2, y - 0.3), width, 0.6, fill=False, edgecolor=INK, lw=1))
    ax.text(x, y, label, ha="center", va="center", fontsize=10, fontweight="bold" if bold else "normal")


def arrow(ax, start, end, color):
    ax.annotate("", end, start, arrowprops={"arrowstyle": "->", "color": color})


def draw(lang: str):
    text = TEXT[lang]
    figure, ax = plt.subplots(figsize=(12, 3.5))
    for label, x, width, grad in CHAIN:
        box(ax, x, 0.0, width, text.get(label, label))
        if grad:
            ax.text(x, -0.45, grad, color=GRAD, fontsize=9.5, ha="center", va="top")
    for (_, x0, w0, _), (_, x1, w1, _) in zip(CHAIN, CHAIN[1:]):
        arrow(ax, (x0 + w0 / 2, 0.1), (x1 - w1 / 2, 0.1), VALUE)
        arrow(ax, (x1 - w1 / 2, -0.1), (x0 + w0 / 2, -0.1), GRAD)
    for label, x, width, grad in ABOVE:
        box(ax, x, 1.5, width, text.get(label, label), bold=False)
        arrow(ax, (x - 0.15, 1.2), (x - 0.15, 0.3), VALUE)
        if grad:
            arrow(ax, (x + 0.15, 0.3), (x + 0.15, 1.2), GRAD)
            ax.text(x - width / 2 - 0.2, 1.5, grad, color=GRAD, fontsize=9.5, ha="right", va="center")
    arrow(ax, (-0.6, -1.3), (0.8, -1.3), VALUE)
    ax.text(0.95, -1.3, text["forward"], color=VALUE, fontsize=10, va="center")
    arrow(ax, (5.0, -1.3), (3.6, -1.3), GRAD)
    ax.text(5.15, -1.3, text["backward"], color=GRAD, fontsize=10, va="center")
    ax.set_xlim(-0.8, 14.0)
    ax.set_ylim(-1.55, 1.95)
    ax.set_aspect("equal")
    ax.axis("off")
    return figure


if __name__ == "__main__":
    draw("en").savefig("backprop_mlp.png")
