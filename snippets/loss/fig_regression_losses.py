"""MSE, MAE and Huber as functions of the error r = y_hat - y, and their derivatives."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "loss": "손실 ℓ(r)",
        "grad": "기울기 dℓ/dr",
        "x": "오차 r = ŷ − y",
        "huber": "Huber (δ = 1)",
    },
    "en": {
        "loss": "loss ℓ(r)",
        "grad": "gradient dℓ/dr",
        "x": "error r = ŷ − y",
        "huber": "Huber (δ = 1)",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    r = np.linspace(-3, 3, 301)
    curves = {
        "MSE": (r**2, 2 * r),
        "MAE": (np.abs(r), np.sign(r)),
        text["huber"]: (np.where(np.abs(r) < 1, 0.5 * r**2, np.abs(r) - 0.5), np.clip(r, -1, 1)),
    }
    figure, (loss_axes, grad_axes) = plt.subplots(1, 2, figsize=(9, 3.4))
    for name, (loss, grad) in curves.items():
        loss_axes.plot(r, loss, lw=2, label=name)
        grad_axes.plot(r, grad, lw=2, label=name)
    loss_axes.set_ylim(-0.2, 5)
    grad_axes.set_ylim(-4, 4)
    for axes, title in ((loss_axes, text["loss"]), (grad_axes, text["grad"])):
        axes.set_title(title)
        axes.set_xlabel(text["x"])
        axes.axhline(0, lw=0.5, alpha=0.5)
        axes.grid(True)
    loss_axes.legend(loc="upper center")
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("regression_losses.svg")
