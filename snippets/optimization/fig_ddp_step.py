"""One data-parallel step, as ddp_by_hand.py and ddp_torch.py take it: two processes, two shards, one mean gradient."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

TEXT = {
    "ko": {
        "batch": "미니배치",
        "process": "프로세스 {}",
        "shard": "조각 {}\n(절반)",
        "model": "모델 복사본\n순전파, 역전파",
        "gradient": "기울기 g{}",
        "all_reduce": "all_reduce\nḡ = (g₀ + g₁) / 2",
        "update": "같은 갱신\nw ← w − η ḡ",
    },
    "en": {
        "batch": "mini-batch",
        "process": "process {}",
        "shard": "shard {}\n(half)",
        "model": "copy of the model\nforward, backward",
        "gradient": "gradient g{}",
        "all_reduce": "all_reduce\nḡ = (g₀ + g₁) / 2",
        "update": "the same update\nw ← w − η ḡ",
    },
}
INK, ORANGE, BLUE = "#808080", "#f97316", "#3b82f6"
ARROW = {"arrowstyle": "->", "color": INK, "mutation_scale": 12, "shrinkA": 1, "shrinkB": 1}


def draw(lang: str):
    text = TEXT[lang]
    figure, ax = plt.subplots(figsize=(11, 3.2))

    def box(x, y, width, label, colour=INK):
        """A rounded box of a fixed size, wide enough for the label in either language's font."""
        patch = FancyBboxPatch(
            (x - width / 2, y - 0.3), width, 0.6, boxstyle="round,pad=0.06", fill=False, edgecolor=colour
        )
        ax.add_patch(patch)
        ax.text(x, y, label, ha="center", va="center")
        return (x, y), patch

    def arrow(source, target):  # centre to centre, clipped to the two boxes
        ax.add_patch(FancyArrowPatch(source[0], target[0], patchA=source[1], patchB=target[1], **ARROW))

    middle = 1.1  # the mini-batch and the all_reduce sit between the two rows
    batch = box(0.0, middle, 1.2, text["batch"])
    all_reduce = box(7.3, middle, 1.9, text["all_reduce"], ORANGE)
    for rank, y in ((0, 2.2), (1, 0.0)):
        ax.text(2.0, y + 0.55, text["process"].format(rank), ha="center", va="center", fontsize=9, color=BLUE)
        row = [
            box(2.0, y, 1.1, text["shard"].format(rank)),
            box(3.8, y, 1.8, text["model"]),
            box(5.6, y, 1.3, text["gradient"].format("₀₁"[rank])),
        ]
        update = box(9.5, y, 1.8, text["update"])
        for source, target in zip([batch, *row, all_reduce], [*row, all_reduce, update]):
            arrow(source, target)
    ax.set_xlim(-0.7, 10.5)
    ax.set_ylim(-0.45, 2.9)
    ax.axis("off")
    return figure


if __name__ == "__main__":
    draw("en").savefig("ddp_step.png")
