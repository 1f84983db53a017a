"""Which classes each mini-batch holds when the training set is stored class by class: unshuffled vs shuffled."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

TEXT = {
    "ko": {
        "titles": ["shuffle=False: 저장된 순서 그대로", "shuffle=True: 에포크마다 섞기"],
        "x": "미니배치 번호 (크기 32)",
        "y": "클래스",
        "bar": "배치 안의 개수",
    },
    "en": {
        "titles": ["shuffle=False: the stored order", "shuffle=True: reshuffled every epoch"],
        "x": "mini-batch number (size 32)",
        "y": "class",
        "bar": "count in the batch",
    },
}


def class_counts(labels: np.ndarray, batch_size: int = 32) -> np.ndarray:
    """classes x batches matrix of counts."""
    num_batches = int(np.ceil(len(labels) / batch_size))
    counts = np.zeros((10, num_batches), dtype=int)
    for b in range(num_batches):
        counts[:, b] = np.bincount(labels[b * batch_size : (b + 1) * batch_size], minlength=10)
    return counts


def draw(lang: str):
    text = TEXT[lang]
    targets = load_digits().target
    train, _ = train_test_split(np.arange(len(targets)), test_size=0.3, stratify=targets, random_state=0)
    labels = np.sort(targets[train])  # the training set of pitfall_no_shuffle.py, stored class by class
    shuffled = labels[np.random.default_rng(0).permutation(len(labels))]
    figure, axes = plt.subplots(1, 2, figsize=(9, 3.1), sharey=True)
    for ax, order, title in zip(axes, [labels, shuffled], text["titles"]):
        image = ax.imshow(class_counts(order), cmap="viridis", vmin=0, vmax=32, aspect="auto", interpolation="nearest")
        ax.set_title(title, fontsize=11)
        ax.set_xlabel(text["x"])
        ax.set_yticks(range(10))
    axes[0].set_ylabel(text["y"])
    figure.colorbar(image, ax=axes, label=text["bar"], fraction=0.03, pad=0.02)
    return figure


if __name__ == "__main__":
    draw("en").savefig("batch_labels.svg")
