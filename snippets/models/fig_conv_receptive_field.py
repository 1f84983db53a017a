"""Which input pixels reach the middle output of 1 to 4 stacked 3x3 convolutions, and how strongly."""

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

TEXT = {
    "ko": {"title": "3×3 합성곱 {n}층", "field": "수용 영역 {r}×{r}", "bar": "기울기 (최댓값 = 1)"},
    "en": {"title": "{n} layer{s} of 3×3", "field": "receptive field {r}×{r}", "bar": "gradient (max = 1)"},
}
SIZE = 11  # input pixels per side


def gradient_map(layers: int) -> torch.Tensor:
    """d(middle output)/d(input) through `layers` 3x3 convolutions with every weight 1, padding 1."""
    x = torch.zeros(1, 1, SIZE, SIZE, dtype=torch.float64, requires_grad=True)
    y = x
    for _ in range(layers):
        y = F.conv2d(y, torch.ones(1, 1, 3, 3, dtype=torch.float64), padding=1)
    y[0, 0, SIZE // 2, SIZE // 2].backward()
    return x.grad[0, 0] / x.grad.max()


def draw(lang: str):
    text = TEXT[lang]
    figure, axes = plt.subplots(1, 4, figsize=(8, 2.4))
    for n, ax in enumerate(axes, start=1):
        image = ax.imshow(gradient_map(n).numpy(), cmap="Blues", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(text["title"].format(n=n, s="s" if n > 1 else ""), fontsize=10)
        ax.set_xlabel(text["field"].format(r=2 * n + 1), fontsize=9)
        ax.set_xticks([x - 0.5 for x in range(SIZE + 1)], minor=True)
        ax.set_yticks([y - 0.5 for y in range(SIZE + 1)], minor=True)
        ax.grid(which="minor", linewidth=0.3)
        ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    figure.colorbar(image, ax=axes, shrink=0.8, label=text["bar"])
    return figure


if __name__ == "__main__":
    draw("en").savefig("conv_receptive_field.png")
