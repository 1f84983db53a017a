"""Under- and over-fitting: polynomials of degree 1, 5 and 15 on the 20 points of polynomial_degrees.py."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "titles": ["차수 1: 과소적합", "차수 5: 적당함", "차수 15: 과적합"],
        "train": "훈련 세트",
        "truth": "참 함수 sin(2πx)",
        "degree": "다항식 차수",
        "mse": "MSE (로그 눈금)",
        "train_error": "훈련 오차",
        "val_error": "검증 오차",
    },
    "en": {
        "titles": ["degree 1: underfitting", "degree 5: about right", "degree 15: overfitting"],
        "train": "training set",
        "truth": "true function sin(2πx)",
        "degree": "polynomial degree",
        "mse": "MSE (log scale)",
        "train_error": "training error",
        "val_error": "validation error",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own table
        run = runpy.run_path(str(Path(__file__).with_name("polynomial_degrees.py")))
    x_train, y_train = run["x_train"], run["y_train"]
    grid = np.linspace(0, 1, 300)
    figure, axes = plt.subplots(1, 4, figsize=(14, 3.4), gridspec_kw={"width_ratios": [1, 1, 1, 1.25]})
    for ax, degree, title in zip(axes[:3], (1, 5, 15), text["titles"]):
        polynomial = np.polynomial.Polynomial.fit(x_train, y_train, degree)
        ax.plot(grid, np.sin(2 * np.pi * grid), color="#808080", lw=1, ls="--", label=text["truth"])
        ax.plot(grid, polynomial(grid), color="C0", lw=1.6)
        ax.plot(x_train, y_train, "o", color="C1", ms=4, label=text["train"])
        ax.set_ylim(-2, 2)
        ax.set_title(title, fontsize=10.5)
        ax.set_xlabel("x")
    axes[0].legend(fontsize=8, loc="lower left")
    degrees = sorted(run["train_error"])
    axes[3].semilogy(
        degrees, [run["train_error"][d] for d in degrees], "o-", color="C1", ms=3, label=text["train_error"]
    )
    axes[3].semilogy(degrees, [run["val_error"][d] for d in degrees], "s-", color="C0", ms=3, label=text["val_error"])
    axes[3].set_xlabel(text["degree"])
    axes[3].set_ylabel(text["mse"])
    axes[3].legend(fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("polynomial_fit.svg")
