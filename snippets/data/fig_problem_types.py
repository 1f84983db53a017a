"""One synthetic scene, five problems: the label, the mask, the boxes, the keypoints and a question change."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

TEXT = {
    "ko": {
        "titles": ["분류", "의미 분할", "객체 탐지", "자세 추정", "시각 질의응답"],
        "classes": ["사람", "공", "상자"],
        "label": "레이블: 사람",
        "mask": "픽셀마다 클래스",
        "boxes": "상자 + 클래스",
        "pose": "키포인트 7개, 1개 가려짐",
        "qa": "Q: 공이 상자 왼쪽에 있나요?\nA: 예",
        "legend": "클래스",
    },
    "en": {
        "titles": ["Classification", "Semantic segmentation", "Object detection", "Pose estimation", "Visual QA"],
        "classes": ["person", "ball", "box"],
        "label": "label: person",
        "mask": "a class per pixel",
        "boxes": "boxes + classes",
        "pose": "7 keypoints, 1 hidden",
        "qa": "Q: Is the ball left of the box?\nA: yes",
        "legend": "classes",
    },
}
SIZE = 96
KEYPOINTS = np.array([[30, 16], [30, 30], [16, 46], [44, 46], [30, 56], [22, 84], [40, 84]], dtype=float)
SKELETON = [(0, 1), (1, 2), (1, 3), (1, 4), (4, 5), (4, 6)]
HIDDEN = 6  # the right foot is behind the ball
CLASS_COLOURS = ["#3b82f6", "#f97316", "#10b981"]


def _near_segment(xs, ys, a, b, radius):
    """Pixels within `radius` of the segment from a to b."""
    ab = b - a
    t = np.clip(((xs - a[0]) * ab[0] + (ys - a[1]) * ab[1]) / (ab @ ab), 0, 1)
    return (xs - a[0] - t * ab[0]) ** 2 + (ys - a[1] - t * ab[1]) ** 2 <= radius**2


def make_scene():
    """An RGB image (H x W x 3) and its mask (H x W): 0 background, 1 person, 2 ball, 3 box."""
    ys, xs = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    mask = np.zeros((SIZE, SIZE), dtype=np.int64)
    mask[(xs >= 62) & (xs < 90) & (ys >= 58) & (ys < 90)] = 3  # box
    person = (xs - KEYPOINTS[0, 0]) ** 2 + (ys - KEYPOINTS[0, 1]) ** 2 <= 7**2  # head
    for i, j in SKELETON:
        person |= _near_segment(xs, ys, KEYPOINTS[i], KEYPOINTS[j], 2.5)
    mask[person] = 1
    mask[(xs - 44) ** 2 + (ys - 82) ** 2 <= 9**2] = 2  # ball, in front of the right foot
    palette = np.array([[0.86, 0.88, 0.9], [0.3, 0.32, 0.42], [0.85, 0.3, 0.25], [0.62, 0.47, 0.3]])
    shade = 1.0 - 0.12 * ys / SIZE  # a gentle vertical gradient
    return np.clip(palette[mask] * shade[..., None], 0, 1), mask


def boxes_from_mask(mask):
    """xyxy box around every pixel of each class 1..3 (right and bottom are pixel edges)."""
    boxes = []
    for k in range(1, 4):
        ys, xs = np.nonzero(mask == k)
        boxes.append((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1))
    return boxes


def draw(lang: str):
    text = TEXT[lang]
    image, mask = make_scene()
    figure, grid = plt.subplots(2, 3, figsize=(9, 7), layout="constrained")
    axes = grid.flatten()
    for ax, title in zip(axes, text["titles"]):
        ax.imshow(image, interpolation="nearest")
        ax.set_title(title, fontsize=12)
        ax.set_xticks([])
        ax.set_yticks([])
    axes[0].set_xlabel(text["label"])

    overlay = np.zeros((SIZE, SIZE, 4))
    for k, colour in enumerate(CLASS_COLOURS, start=1):
        overlay[mask == k] = (*plt.matplotlib.colors.to_rgb(colour), 0.75)
    axes[1].imshow(overlay, interpolation="nearest")
    axes[1].set_xlabel(text["mask"])

    for (x1, y1, x2, y2), name, colour in zip(boxes_from_mask(mask), text["classes"], CLASS_COLOURS):
        axes[2].add_patch(Rectangle((x1 - 0.5, y1 - 0.5), x2 - x1, y2 - y1, fill=False, lw=2, edgecolor=colour))
        axes[2].text(
            x1 - 0.5,
            y1 - 1.5,
            name,
            color="white",
            fontsize=9,
            va="bottom",
            bbox={"facecolor": colour, "edgecolor": "none", "pad": 1},
        )
    axes[2].set_xlabel(text["boxes"])

    for i, j in SKELETON:
        axes[3].plot(*KEYPOINTS[[i, j]].T, color="#eab308", lw=2)
    visible = np.arange(len(KEYPOINTS)) != HIDDEN
    axes[3].scatter(*KEYPOINTS[visible].T, s=30, color="#e11d48", zorder=3)
    axes[3].scatter(*KEYPOINTS[HIDDEN], s=30, facecolor="white", edgecolor="#e11d48", lw=1.5, zorder=3)
    axes[3].set_xlabel(text["pose"])

    axes[4].set_xlabel(text["qa"])
    for ax in axes[:5]:
        ax.set_xlim(-0.5, SIZE - 0.5)
        ax.set_ylim(SIZE - 0.5, -0.5)

    # The last cell: what the colours of the mask and the boxes mean.
    axes[5].axis("off")
    for row, (name, colour) in enumerate(zip(text["classes"], CLASS_COLOURS)):
        axes[5].add_patch(Rectangle((0.1, 0.62 - 0.16 * row), 0.12, 0.1, facecolor=colour, edgecolor="none"))
        axes[5].text(0.28, 0.67 - 0.16 * row, name, va="center", fontsize=12)
    axes[5].text(0.1, 0.85, text["legend"], fontsize=12)
    axes[5].set_xlim(0, 1)
    axes[5].set_ylim(0, 1)
    return figure


if __name__ == "__main__":
    draw("en").savefig("problem_types.svg")
