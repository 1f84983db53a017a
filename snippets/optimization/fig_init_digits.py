"""Training loss of the 10-layer ReLU MLP of init_digits.py on the digits, one curve per initialisation."""

import contextlib
import io
import math
import runpy
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {
        "x": "갱신 횟수",
        "y": "훈련 손실 (미니배치)",
        "acc": "검증 정확도",
        "nan": "발산 (nan)",
        "chance": "무작위 수준 log 10",
    },
    "en": {
        "x": "updates",
        "y": "training loss (mini-batch)",
        "acc": "validation accuracy",
        "nan": "diverged (nan)",
        "chance": "chance level log 10",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own table
        snippet = runpy.run_path(str(Path(__file__).with_name("init_digits.py")))
    figure, axes = plt.subplots(figsize=(8, 3.8))
    top = 3.2
    for index, (name, losses) in enumerate(snippet["histories"].items()):
        finite = [loss for loss in losses if math.isfinite(loss)]
        if len(finite) < len(losses):
            label = f"{name}: {text['nan']}"
        else:
            label = f"{name}: {text['acc']} {snippet['accuracies'][name]:.1%}"
        steps = range(1, len(finite) + 1)
        style = dict(color=f"C{index}", lw=1.6, ls=["-", "--", "-", "-."][index], label=label)
        axes.plot(steps, [min(loss, top) for loss in finite], marker="x" if len(finite) < 5 else None, **style)
    axes.axhline(math.log(10), color="#808080", lw=0.8, ls=":")
    last_step = max(len(losses) for losses in snippet["histories"].values())
    axes.annotate(
        text["chance"], (last_step, math.log(10)), xytext=(0, 4), textcoords="offset points", ha="right", fontsize=9
    )
    axes.set_ylim(0, top)
    axes.set_xlabel(text["x"])
    axes.set_ylabel(text["y"])
    axes.legend(fontsize=9, loc="lower left")
    axes.grid(True)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("init_digits.svg")
