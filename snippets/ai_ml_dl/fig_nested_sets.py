"""AI contains machine learning, which contains deep learning: three nested regions."""

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

LABELS = {
    "ko": [
        ("인공지능 (AI)", "사람의 지능을 흉내 내는 모든 방법"),
        ("머신러닝 (ML)", "데이터에서 규칙을 배우는 방법"),
        ("딥러닝 (DL)", "여러 층의 신경망으로 표현까지 배우는 방법"),
    ],
    "en": [
        ("Artificial intelligence (AI)", "any method that imitates human intelligence"),
        ("Machine learning (ML)", "methods that learn rules from data"),
        ("Deep learning (DL)", "many-layer neural networks that learn representations"),
    ],
}
COLORS = ["#3b82f6", "#10b981", "#f97316"]


def draw(lang: str):
    figure, axes = plt.subplots(figsize=(7, 4.6))
    # (centre_y, width, height) of each region; each lies inside the one before.
    regions = [(0.0, 9.6, 6.4), (-0.75, 7.0, 4.4), (-1.4, 4.2, 2.4)]
    for (title, subtitle), color, (cy, width, height) in zip(LABELS[lang], COLORS, regions):
        axes.add_patch(Ellipse((0, cy), width, height, facecolor=color, alpha=0.18, edgecolor=color, lw=2))
        top = cy + height / 2
        axes.text(0, top - 0.45, title, ha="center", va="center", fontsize=13, fontweight="bold", color=color)
        axes.text(0, top - 0.85, subtitle, ha="center", va="center", fontsize=9.5)
    axes.set_xlim(-5, 5)
    axes.set_ylim(-3.4, 3.4)
    axes.set_aspect("equal")
    axes.axis("off")
    return figure


if __name__ == "__main__":
    draw("en").savefig("nested_sets.svg")
