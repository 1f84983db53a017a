"""Two examples of each class from scikit-learn's bundled handwritten digits (8 x 8 pixels)."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits

TEXT = {"ko": "레이블 {label}", "en": "label {label}"}


def draw(lang: str):
    digits = load_digits()
    figure, axes = plt.subplots(2, 10, figsize=(7.5, 2.2))
    for label in range(10):
        first_two = np.flatnonzero(digits.target == label)[:2]
        for row, index in enumerate(first_two):
            ax = axes[row, label]
            ax.imshow(digits.images[index], cmap="gray_r", vmin=0, vmax=16, interpolation="nearest")
            ax.set_axis_off()
            if row == 0:
                ax.set_title(TEXT[lang].format(label=label), fontsize=10)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("digits.svg")
