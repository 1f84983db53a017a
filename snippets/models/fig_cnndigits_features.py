"""One test digit, the 16 kernels the CNN of cnndigits_train.py learned in its first layer, and the 16 feature maps."""

import contextlib
import io
import runpy
import sys
import types
from pathlib import Path

import matplotlib.pyplot as plt
import torch

TEXT = {
    "ko": {
        "digit": "입력 ({label})",
        "caption": "첫 층의 3×3 커널(파랑 음수, 빨강 양수)과 그 아래 ReLU 뒤의 8×8 특징 맵",
    },
    "en": {
        "digit": "input ({label})",
        "caption": "first-layer 3×3 kernels (blue negative, red positive), each above its 8×8 feature map after ReLU",
    },
}


def run_snippet(name: str) -> dict:
    """The globals of snippets/models/<name> after running it, as shown on the page.

    The build draws each figure once per language; a copy kept in sys.modules, keyed by the snippet's
    text, trains once per process instead of twice (and once for all the figures that use it).
    """
    source = Path(__file__).with_name(name)
    runs = vars(sys.modules.setdefault("_models_snippet_runs", types.ModuleType("_models_snippet_runs")))
    text = source.read_bytes()
    if runs.get(name, (None,))[0] != text:
        with contextlib.redirect_stdout(io.StringIO()):
            runs[name] = (text, runpy.run_path(str(source)))
    return runs[name][1]


def draw(lang: str):
    text = TEXT[lang]
    run = run_snippet("cnndigits_train.py")  # the training shown on the page
    cnn, (x_test, y_test) = run["cnn"].eval(), run["cnn_data"][2]
    image = x_test[:1]  # the first test digit, 1 x 1 x 8 x 8
    with torch.no_grad():
        maps = cnn[:2](image)[0].cpu()  # convolution and ReLU: 16 x 8 x 8
    kernels = cnn[0].weight.detach().cpu()[:, 0]  # 16 x 3 x 3

    # Each column: a kernel above the feature map it makes; two rows of eight.
    figure = plt.figure(figsize=(8, 4.2))
    grid = figure.add_gridspec(4, 9, width_ratios=[2.4] + [1] * 8, wspace=0.12, hspace=0.12)
    ax = figure.add_subplot(grid[1:3, 0])
    ax.imshow(image[0, 0].cpu().numpy(), cmap="gray_r", interpolation="nearest")
    ax.set_title(text["digit"].format(label=y_test[0].item()), fontsize=10)
    ax.set_axis_off()
    limit = kernels.abs().max().item()
    for index in range(16):
        row, column = 2 * (index // 8), 1 + index % 8
        top, bottom = figure.add_subplot(grid[row, column]), figure.add_subplot(grid[row + 1, column])
        top.imshow(kernels[index].numpy(), cmap="RdBu_r", vmin=-limit, vmax=limit, interpolation="nearest")
        bottom.imshow(maps[index].numpy(), cmap="gray_r", vmin=0, interpolation="nearest")
        top.set_axis_off()
        bottom.set_axis_off()
    figure.text(0.56, 0.93, text["caption"], ha="center", fontsize=10)
    return figure


if __name__ == "__main__":
    draw("en").savefig("cnndigits_features.png")
