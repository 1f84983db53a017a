"""How far each resumed run drifts from the uninterrupted one, and its learning rate (from saving_forget_state.py)."""

import contextlib
import io
import runpy
import sys
import types
from pathlib import Path

import matplotlib.pyplot as plt

TEXT = {
    "ko": {
        "names": {
            "full checkpoint": "체크포인트 전체",
            "without optimizer": "옵티마이저 상태 빠짐",
            "without scheduler": "스케줄러 상태 빠짐",
            "without shuffler": "셔플 난수 상태 빠짐",
        },
        "uninterrupted": "중단 없는 학습",
        "step": "갱신 횟수",
        "gap": "전체 손실 − 중단 없는 학습의 전체 손실",
        "lr": "학습률",
        "resume": "재개",
    },
    "en": {
        "names": {
            "full checkpoint": "full checkpoint",
            "without optimizer": "optimizer state left out",
            "without scheduler": "scheduler state left out",
            "without shuffler": "shuffling RNG state left out",
        },
        "uninterrupted": "uninterrupted",
        "step": "step",
        "gap": "full loss − uninterrupted full loss",
        "lr": "learning rate",
        "resume": "resumed",
    },
}
COLOURS = {
    "full checkpoint": "#808080",
    "without optimizer": "#f97316",
    "without scheduler": "#3b82f6",
    "without shuffler": "#10b981",
}


def run_snippet(name: str) -> dict:
    """The globals of snippets/models/<name> after running it; kept per process so both languages train once."""
    source = Path(__file__).with_name(name)
    runs = vars(sys.modules.setdefault("_models_snippet_runs", types.ModuleType("_models_snippet_runs")))
    text = source.read_bytes()
    if runs.get(name, (None,))[0] != text:
        with contextlib.redirect_stdout(io.StringIO()):
            runs[name] = (text, runpy.run_path(str(source)))
    return runs[name][1]


def draw(lang: str):
    text = TEXT[lang]
    run = run_snippet("saving_forget_state.py")
    logs, resume = run["logs"], run["resume_step"]
    reference = logs["uninterrupted"]["loss"]
    steps = range(1, len(reference) + 1)
    figure, (gap_axes, lr_axes) = plt.subplots(1, 2, figsize=(10, 3.6))
    for name, label in text["names"].items():
        gap = [a - b for a, b in zip(logs[name]["loss"], reference)]
        width = 2.5 if name == "full checkpoint" else 1.3
        gap_axes.plot(steps, gap, lw=width, color=COLOURS[name], label=label)
        lr_axes.plot(steps, logs[name]["lr"], lw=width, color=COLOURS[name], label=label)
    lr_axes.plot(steps, logs["uninterrupted"]["lr"], ":", lw=1.5, color="#e11d48", label=text["uninterrupted"])
    for axes in (gap_axes, lr_axes):
        axes.axvline(resume + 0.5, color="#808080", lw=0.8, ls="--")
        axes.set_xlabel(text["step"])
        axes.grid(True)
    gap_axes.annotate(
        text["resume"],
        (resume + 0.5, 1.0),
        xycoords=("data", "axes fraction"),
        ha="right",
        va="top",
        fontsize=9,
        xytext=(-3, 0),
        textcoords="offset points",
    )
    gap_axes.set_ylabel(text["gap"])
    lr_axes.set_ylabel(text["lr"])
    gap_axes.legend(loc="lower left", fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("saving_resume.svg")
