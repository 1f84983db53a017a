"""Test digits (top) and what autoencoder.py's trained model rebuilds from 8 numbers (bottom)."""

import contextlib
import io
import runpy
import sys
import types
from pathlib import Path

import matplotlib.pyplot as plt
import torch

TEXT = {
    "ko": {"original": "원본", "reconstructed": "복원\n(코드 8개)"},
    "en": {"original": "original", "reconstructed": "rebuilt\n(8-number code)"},
}


def run_snippet(name: str) -> dict:
    """The globals of snippets/models/<name> after running it, as shown on the page.

    The build draws each figure once per language; a copy kept in sys.modules, keyed by the snippet's
    text, trains once per process instead of twice.
    """
    source = Path(__file__).with_name(name)
    runs = vars(sys.modules.setdefault("_models_snippet_runs", types.ModuleType("_models_snippet_runs")))
    text = source.read_bytes()
    if runs.get(name, (None,))[0] != text:
        with contextlib.redirect_stdout(io.StringIO()):
            runs[name] = (text, runpy.run_path(str(source)))
    return runs[name][1]


def draw(lang: str):
    text = TEXT[lang]
    run = run_snippet("autoencoder.py")  # reuse the training shown on the page
    model, images = run["model"].eval(), run["x_test"][:10]
    with torch.no_grad():
        rebuilt = model(images)
    figure, axes = plt.subplots(2, 10, figsize=(9, 2.3))
    for column in range(10):
        for row, batch in enumerate([images, rebuilt]):
            axes[row, column].imshow(batch[column].cpu().reshape(8, 8).numpy(), cmap="gray", vmin=0, vmax=1)
            axes[row, column].set_xticks([])
            axes[row, column].set_yticks([])
    axes[0, 0].set_ylabel(text["original"], rotation=0, ha="right", va="center")
    axes[1, 0].set_ylabel(text["reconstructed"], rotation=0, ha="right", va="center")
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("autoencoder.png")
