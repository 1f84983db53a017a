"""Bias and variance of polynomial fits: 20 fits each at degree 1 and 12, then both terms against the degree."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "titles": ["차수 1: 편향이 큼", "차수 12: 분산이 큼", "오차의 분해"],
        "truth": "참 함수",
        "degree": "다항식 차수",
        "bias": "편향²",
        "variance": "분산",
        "total": "편향² + 분산 + 잡음",
        "noise": "잡음 (0.09)",
    },
    "en": {
        "titles": ["degree 1: high bias", "degree 12: high variance", "the error, decomposed"],
        "truth": "true function",
        "degree": "polynomial degree",
        "bias": "bias²",
        "variance": "variance",
        "total": "bias² + variance + noise",
        "noise": "noise (0.09)",
    },
}
NOISE_STD = 0.3


def fits(degree, n_datasets, grid, rng):
    x = np.linspace(0, 1, 20)
    rows = []
    for _ in range(n_datasets):
        y = np.sin(2 * np.pi * x) + NOISE_STD * rng.normal(size=len(x))
        rows.append(np.polynomial.Polynomial.fit(x, y, degree)(grid))
    return np.array(rows)


def draw(lang: str):
    text = TEXT[lang]
    rng = np.random.default_rng(0)
    grid = np.linspace(0.05, 0.95, 45)
    truth = np.sin(2 * np.pi * grid)
    figure, axes = plt.subplots(1, 3, figsize=(13, 3.5))
    for ax, degree, title in zip(axes[:2], (1, 12), text["titles"]):
        for row in fits(degree, 20, grid, rng):
            ax.plot(grid, row, color="C0", lw=0.7, alpha=0.45)
        ax.plot(grid, truth, color="C1", lw=2, label=text["truth"])
        ax.set_ylim(-1.8, 1.8)
        ax.set_title(title, fontsize=10.5)
        ax.set_xlabel("x")
    axes[0].legend(fontsize=9, loc="lower left")
    degrees = np.arange(0, 15)
    bias, variance = [], []
    for degree in degrees:
        predictions = fits(degree, 200, grid, rng)
        bias.append(np.mean((predictions.mean(axis=0) - truth) ** 2))
        variance.append(np.mean(predictions.var(axis=0)))
    bias, variance = np.array(bias), np.array(variance)
    ax = axes[2]
    ax.semilogy(degrees, bias, "o-", ms=3, color="C2", label=text["bias"])
    ax.semilogy(degrees, variance, "s-", ms=3, color="C3", label=text["variance"])
    ax.semilogy(degrees, bias + variance + NOISE_STD**2, "-", lw=2, color="C0", label=text["total"])
    ax.axhline(NOISE_STD**2, color="#808080", ls=":", lw=1, label=text["noise"])
    ax.set_xlabel(text["degree"])
    ax.set_title(text["titles"][2], fontsize=10.5)
    ax.legend(fontsize=8.5)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("bias_variance.svg")
