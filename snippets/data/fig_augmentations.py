"""The augmentations of digits_augment.py, applied to four digits: one column per transformation."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits

TEXT = {
    "ko": [
        "원본",
        "좌우 뒤집기",
        "무작위 자르기\n(±1픽셀 이동)",
        "잡음\n(표준편차 0.1)",
        "자르기 + 잡음\n(학습에 쓰는 것)",
    ],
    "en": [
        "original",
        "horizontal flip",
        "random crop\n(±1 pixel shift)",
        "noise\n(std 0.1)",
        "crop + noise\n(what we train on)",
    ],
}


def random_crop(images, padding, generator):
    n, _, height, width = images.shape
    padded = F.pad(images, [padding] * 4)
    offsets = torch.randint(0, 2 * padding + 1, (n, 2), generator=generator).tolist()
    return torch.stack([image[:, y : y + height, x : x + width] for image, (y, x) in zip(padded, offsets)])


def add_noise(images, std, generator):
    return (images + std * torch.randn(images.shape, generator=generator)).clamp(0.0, 1.0)


def draw(lang: str):
    generator = torch.Generator().manual_seed(3)
    digits = load_digits()
    images = torch.from_numpy(digits.images[[2, 3, 4, 7]]).float().unsqueeze(1) / 16.0  # 4 x 1 x 8 x 8
    columns = [
        images,
        images.flip(dims=[3]),
        random_crop(images, 1, generator),
        add_noise(images, 0.1, generator),
        add_noise(random_crop(images, 1, generator), 0.05, generator),
    ]
    figure, axes = plt.subplots(len(images), len(columns), figsize=(7, 5.8))
    for col, (batch, title) in enumerate(zip(columns, TEXT[lang])):
        axes[0, col].set_title(title, fontsize=10)
        for row, image in enumerate(batch):
            axes[row, col].imshow(image[0].numpy(), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
            axes[row, col].set_axis_off()
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("augmentations.svg")
