"""The lines fitted with MSE, MAE and Huber, without and with one outlier (from outlier_fit.py)."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {"clean": "이상치 없이", "outlier": "이상치 하나 포함", "point": "이상치", "x": "x", "y": "y"},
    "en": {"clean": "without outlier", "outlier": "with one outlier", "point": "outlier", "x": "x", "y": "y"},
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its table; the figure needs its values
        run = runpy.run_path(str(Path(__file__).with_name("outlier_fit.py")))
    x = run["x"].cpu().numpy()
    y_outlier = run["y_outlier"].cpu().numpy()
    grid = np.array([x.min(), x.max()])
    figure, axes_row = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
    for axes, (name, ((w_clean, b_clean), (w_outlier, b_outlier))) in zip(axes_row, run["fits"].items()):
        axes.scatter(x[:-1], y_outlier[:-1], s=14, color="#808080")
        axes.scatter(x[-1:], y_outlier[-1:], s=40, marker="x", color="#e11d48", label=text["point"])
        axes.plot(grid, w_clean * grid + b_clean, "--", lw=2, color="#3b82f6", label=text["clean"])
        axes.plot(grid, w_outlier * grid + b_outlier, lw=2, color="#f97316", label=text["outlier"])
        axes.set_title(name)
        axes.set_xlabel(text["x"])
        axes.grid(True)
    axes_row[0].set_ylabel(text["y"])
    axes_row[0].legend(loc="lower left", fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("outliers.svg")
