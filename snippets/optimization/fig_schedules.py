"""The three learning-rate schedules of schedules_numpy.py over 100 epochs."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "names": ["단계 감소 (30에포크마다 ×0.1)", "코사인", "워밍업 10에포크 + 코사인"],
        "x": "에포크",
        "y": "학습률",
        "log": "학습률 (로그 눈금)",
    },
    "en": {
        "names": ["step decay (×0.1 every 30 epochs)", "cosine", "10-epoch warm-up + cosine"],
        "x": "epoch",
        "y": "learning rate",
        "log": "learning rate (log scale)",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its own table
        schedules = runpy.run_path(str(Path(__file__).with_name("schedules_numpy.py")))
    epochs = np.arange(100)
    curves = [[schedules[name](epoch) for epoch in epochs] for name in ("step_decay", "cosine", "warmup_cosine")]
    figure, (linear, logarithmic) = plt.subplots(1, 2, figsize=(10, 3.4))
    for index, (name, rates) in enumerate(zip(text["names"], curves)):
        style = dict(color=f"C{index}", lw=1.6, ls=["-", "--", "-"][index], drawstyle="steps-post")
        linear.plot(epochs, rates, label=name, **style)
        logarithmic.plot(epochs[:-1], rates[:-1], **style)  # the cosine reaches 0 only at the end
    logarithmic.set_yscale("log")
    linear.set_ylabel(text["y"])
    logarithmic.set_ylabel(text["log"])
    for ax in (linear, logarithmic):
        ax.set_xlabel(text["x"])
    linear.legend(fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("schedules.svg")
