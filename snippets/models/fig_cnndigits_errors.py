"""The CNN of cnndigits_train.py on the test set: its confusion matrix and every digit it gets wrong."""

import contextlib
import io
import runpy
import sys
import types
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {"true": "정답 클래스", "predicted": "예측한 클래스", "wrong": "정답 {true}\n예측 {predicted}"},
    "en": {"true": "true class", "predicted": "predicted class", "wrong": "true {true}\npredicted {predicted}"},
}


def run_snippet(name: str) -> dict:
    """The globals of snippets/models/<name> after running it (see fig_cnndigits_features.py): trained once."""
    source = Path(__file__).with_name(name)
    runs = vars(sys.modules.setdefault("_models_snippet_runs", types.ModuleType("_models_snippet_runs")))
    text = source.read_bytes()
    if runs.get(name, (None,))[0] != text:
        with contextlib.redirect_stdout(io.StringIO()):
            runs[name] = (text, runpy.run_path(str(source)))
    return runs[name][1]


def draw(lang: str):
    text = TEXT[lang]
    run = run_snippet("cnndigits_train.py")
    x_test, y_test = run["cnn_data"][2]
    true, predicted = y_test.cpu().numpy(), run["predictions"].cpu().numpy()
    confusion = np.zeros((10, 10), dtype=int)
    np.add.at(confusion, (true, predicted), 1)
    wrong = np.flatnonzero(true != predicted)

    rows = 2
    columns = max((len(wrong) + rows - 1) // rows, 1)
    figure = plt.figure(figsize=(3.6 + 1.3 * columns, 3.4))
    grid = figure.add_gridspec(rows, 1 + columns, width_ratios=[3.6] + [1.3] * columns, wspace=0.35, hspace=0.5)
    ax = figure.add_subplot(grid[:, 0])
    ax.imshow(np.minimum(confusion, 3), cmap="Blues", vmin=0, vmax=6)  # saturate: the diagonal would hide the rest
    for i in range(10):
        for j in range(10):
            if confusion[i, j]:
                ax.text(
                    j, i, confusion[i, j], ha="center", va="center", fontsize=7, color="black" if i == j else "#e11d48"
                )
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.tick_params(labelsize=8, length=0)
    ax.set_xlabel(text["predicted"])
    ax.set_ylabel(text["true"])
    for column, index in enumerate(wrong):  # down each column, then the next
        image_ax = figure.add_subplot(grid[column % rows, 1 + column // rows])
        image_ax.imshow(x_test[index, 0].cpu().numpy(), cmap="gray_r", interpolation="nearest")
        image_ax.set_title(text["wrong"].format(true=true[index], predicted=predicted[index]), fontsize=8)
        image_ax.set_axis_off()
    return figure


if __name__ == "__main__":
    draw("en").savefig("cnndigits_errors.png")
