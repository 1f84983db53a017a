"""The computational graph of the neuron L = (tanh(w x + b) - y)^2, with backprop_chain_rule_numpy.py's numbers."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {"forward": "순전파: 각 노드의 값(파란 숫자)", "backward": "역전파: 각 노드에 대한 기울기 ∂L/∂·(주황 숫자)"},
    "en": {
        "forward": "forward pass: each node's value (blue)",
        "backward": "backward pass: the gradient ∂L/∂· at each node (orange)",
    },
}
VALUE, GRAD = "#3b82f6", "#f97316"


def run_snippet() -> dict:
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its steps; the figure needs its numbers
        return runpy.run_path(str(Path(__file__).with_name("backprop_chain_rule_numpy.py")))


def draw(lang: str):
    text, run = TEXT[lang], run_snippet()
    # name, position, value, gradient (None: no gradient needed)
    nodes = {
        "x": ("x", (0.0, 2.0), run["x"], run["dL_dx"]),
        "w": ("w", (0.0, 0.8), run["w"], run["dL_dw"]),
        "mul": ("w·x", (1.9, 1.4), run["w"] * run["x"], run["dL_dz"]),
        "b": ("b", (1.9, 0.0), run["b"], run["dL_db"]),
        "add": ("z = +", (3.8, 0.9), run["z"], run["dL_dz"]),
        "tanh": ("a = tanh", (5.7, 0.9), run["a"], run["dL_da"]),
        "y": ("y", (5.7, -0.5), run["y"], None),
        "sub": ("a − y", (7.6, 0.4), run["a"] - run["y"], run["dL_da"]),
        "square": ("L = (·)²", (9.5, 0.4), run["loss"], 1.0),
    }
    edges = [("x", "mul"), ("w", "mul"), ("mul", "add"), ("b", "add"), ("add", "tanh"), ("tanh", "sub")]
    edges += [("y", "sub"), ("sub", "square")]
    figure, ax = plt.subplots(figsize=(10, 3.4))
    for start, end in edges:
        (x0, y0), (x1, y1) = nodes[start][1], nodes[end][1]
        ax.annotate("", (x1 - 0.67, y1), (x0 + 0.67, y0), arrowprops={"arrowstyle": "->", "color": "#808080"})
    for name, (label, (x, y), value, grad) in nodes.items():
        ax.add_patch(plt.Rectangle((x - 0.65, y - 0.42), 1.3, 0.84, fill=False, edgecolor="#808080", lw=1))
        ax.text(x, y + 0.22, label, ha="center", va="center", fontsize=11, fontweight="bold")
        ax.text(x, y - 0.02, f"{value:.4f}", ha="center", va="center", fontsize=10, color=VALUE)
        if grad is not None:
            ax.text(x, y - 0.25, f"{grad:.4f}", ha="center", va="center", fontsize=10, color=GRAD)
    ax.annotate("", (10.1, -1.05), (-0.6, -1.05), arrowprops={"arrowstyle": "->", "color": VALUE})
    ax.text(-0.6, -0.9, text["forward"], color=VALUE, fontsize=10, va="bottom")
    ax.annotate("", (-0.6, -1.45), (10.1, -1.45), arrowprops={"arrowstyle": "->", "color": GRAD})
    ax.text(10.1, -1.6, text["backward"], color=GRAD, fontsize=10, ha="right", va="top")
    ax.set_xlim(-0.8, 10.3)
    ax.set_ylim(-1.95, 2.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return figure


if __name__ == "__main__":
    draw("en").savefig("backprop_graph.png")
