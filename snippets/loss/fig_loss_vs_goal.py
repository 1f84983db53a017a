"""Training loss keeps falling while validation accuracy gets worse (from loss_vs_accuracy.py)."""

import contextlib
import io
import runpy
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {
        "loss": "교차 엔트로피 손실",
        "accuracy": "정확도",
        "step": "갱신 횟수",
        "train": "훈련 세트",
        "val": "검증 세트",
        "best": "검증 정확도 최고",
    },
    "en": {
        "loss": "cross-entropy loss",
        "accuracy": "accuracy",
        "step": "update step",
        "train": "training set",
        "val": "validation set",
        "best": "best validation accuracy",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its table; the figure needs its history
        run = runpy.run_path(str(Path(__file__).with_name("loss_vs_accuracy.py")))
    steps, train_loss, train_acc, val_loss, val_acc, _ = zip(*run["history"])
    best_step = steps[run["best"]]

    figure, (loss_axes, acc_axes) = plt.subplots(1, 2, figsize=(10, 3.6))
    loss_axes.plot(steps, train_loss, lw=2, label=text["train"])
    loss_axes.plot(steps, val_loss, lw=2, label=text["val"])
    loss_axes.set_yscale("log")
    loss_axes.set_title(text["loss"])
    acc_axes.plot(steps, train_acc, lw=2, label=text["train"])
    acc_axes.plot(steps, val_acc, lw=2, label=text["val"])
    acc_axes.set_ylim(0.4, 1.02)
    acc_axes.set_title(text["accuracy"])
    for axes in (loss_axes, acc_axes):
        axes.axvline(best_step, ls=":", lw=1.5, color="#10b981", label=text["best"])
        axes.set_xlabel(text["step"])
        axes.grid(True)
    acc_axes.legend(loc="lower right", fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("loss_vs_goal.svg")
