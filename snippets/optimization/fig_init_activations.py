"""The five activations of init_activations.py and their derivatives, the derivatives taken by autograd."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import torch

TEXT = {
    "ko": {"f": "활성화 함수 f(x)", "df": "도함수 f′(x) (자동 미분)", "x": "x"},
    "en": {"f": "activation f(x)", "df": "derivative f′(x) (autograd)", "x": "x"},
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own table
        snippet = runpy.run_path(str(Path(__file__).with_name("init_activations.py")))
    x = torch.linspace(-5, 5, 201, dtype=torch.float64)
    figure, (values, slopes) = plt.subplots(1, 2, figsize=(10, 3.6))
    for index, (name, (function, _)) in enumerate(snippet["ACTIVATIONS"].items()):
        label = name + (f" (a = {snippet['negative_slope']})" if name == "Leaky ReLU" else "")
        style = dict(color=f"C{index}", lw=1.6, ls=["-", "-", "--", ":", "-."][index])
        values.plot(x, function(x), label=label, **style)
        slopes.plot(x, snippet["autograd_derivative"](function, x).cpu(), **style)
    slopes.axhline(0.25, color="#808080", lw=0.8, ls=":")
    slopes.annotate("0.25", (-5, 0.25), xytext=(0, 3), textcoords="offset points", fontsize=9)
    values.set_ylim(-1.2, 2.2)
    values.set_ylabel(text["f"])
    slopes.set_ylabel(text["df"])
    for ax in (values, slopes):
        ax.set_xlabel(text["x"])
        ax.grid(True)
    values.legend(fontsize=9, loc="upper left")
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("init_activations.svg")
