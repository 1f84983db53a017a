"""Gradient norm of every layer's weights in the 30-layer MLPs of init_depth.py, one panel per activation."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {"x": "층 (1 = 입력 쪽)", "y": "가중치 기울기의 노름 (로그 눈금)"},
    "en": {"x": "layer (1 = input side)", "y": "gradient norm of the weights (log scale)"},
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own tables
        snippet = runpy.run_path(str(Path(__file__).with_name("init_depth.py")))
    results, inits = snippet["results"], list(snippet["INITS"])
    figure, axes = plt.subplots(1, 3, figsize=(11, 3.8))
    for ax, activation in zip(axes, snippet["ACTIVATIONS"]):
        for index, init in enumerate(inits):
            norms = results[(activation, init)][1]
            layers = range(1, len(norms) + 1)
            ax.semilogy(layers, norms, color=f"C{index}", lw=1.6, ls=["-", "--", "-", "-."][index], label=init)
        ax.set_title(activation)
        ax.set_xlabel(text["x"])
        ax.grid(True, which="major")
    axes[0].set_ylabel(text["y"])
    axes[0].legend(fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("init_gradients.svg")
