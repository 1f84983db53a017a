"""The mean and the variance learned with the Gaussian NLL on heteroscedastic data (from heteroscedastic.py)."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import torch

TEXT = {
    "ko": {
        "data": "데이터",
        "mean": "예측 평균 μ̂(x)",
        "band": "μ̂(x) ± 2σ̂(x)",
        "std_title": "잡음의 표준편차",
        "true": "실제 σ(x)",
        "learned": "학습한 σ̂(x)",
        "constant": "분산 하나 (MSE)",
    },
    "en": {
        "data": "data",
        "mean": "predicted mean μ̂(x)",
        "band": "μ̂(x) ± 2σ̂(x)",
        "std_title": "noise standard deviation",
        "true": "true σ(x)",
        "learned": "learned σ̂(x)",
        "constant": "one variance (MSE)",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its table; the figure needs its model
        run = runpy.run_path(str(Path(__file__).with_name("heteroscedastic.py")))
    model, x, y = run["model"], run["x"], run["y"]
    grid = torch.linspace(-2, 2, 200, device=x.device).unsqueeze(1)
    with torch.no_grad():
        mean, variance = model(grid)
    grid, mean, std = grid.squeeze(1).cpu(), mean.squeeze(1).cpu(), variance.sqrt().squeeze(1).cpu()

    figure, (data_axes, std_axes) = plt.subplots(1, 2, figsize=(10, 3.6))
    data_axes.scatter(x[:200].cpu(), y[:200].cpu(), s=6, alpha=0.6, color="#808080", label=text["data"])
    data_axes.plot(grid, mean, lw=2, label=text["mean"])
    data_axes.fill_between(grid, mean - 2 * std, mean + 2 * std, alpha=0.25, label=text["band"])
    data_axes.set_xlabel("x")
    data_axes.set_ylabel("y")
    data_axes.legend(loc="upper left", fontsize=9)
    std_axes.plot(grid, run["true_std"](grid), "--", lw=2, label=text["true"])
    std_axes.plot(grid, std, lw=2, label=text["learned"])
    std_axes.axhline(run["constant_std"].item(), lw=2, ls=":", color="#10b981", label=text["constant"])
    std_axes.set_title(text["std_title"])
    std_axes.set_xlabel("x")
    std_axes.legend(loc="upper center", fontsize=9)
    for axes in (data_axes, std_axes):
        axes.grid(True)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("heteroscedastic.svg")
