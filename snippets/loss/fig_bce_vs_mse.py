"""Binary cross-entropy vs squared error on the probability, as functions of the logit z when y = 1."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "loss": "손실 (정답 y = 1)",
        "grad": "로짓에 대한 기울기의 크기 |dℓ/dz|",
        "x": "로짓 z (왼쪽일수록 확신하며 틀림)",
        "bce": "이진 교차 엔트로피",
        "mse": "확률의 제곱 오차 (1 − σ(z))²",
    },
    "en": {
        "loss": "loss (target y = 1)",
        "grad": "size of the gradient |dℓ/dz|",
        "x": "logit z (further left = confidently wrong)",
        "bce": "binary cross-entropy",
        "mse": "squared error on the probability (1 − σ(z))²",
    },
}


def draw(lang: str):
    text = TEXT[lang]
    z = np.linspace(-8, 8, 321)
    p = 1 / (1 + np.exp(-z))
    bce, bce_grad = np.logaddexp(0, -z), p - 1  # -log sigmoid(z) and its derivative
    mse, mse_grad = (1 - p) ** 2, -2 * (1 - p) * p * (1 - p)
    figure, (loss_axes, grad_axes) = plt.subplots(1, 2, figsize=(10, 3.4))
    loss_axes.plot(z, bce, lw=2, label=text["bce"])
    loss_axes.plot(z, mse, lw=2, label=text["mse"])
    grad_axes.plot(z, np.abs(bce_grad), lw=2, label=text["bce"])
    grad_axes.plot(z, np.abs(mse_grad), lw=2, label=text["mse"])
    loss_axes.set_title(text["loss"])
    grad_axes.set_title(text["grad"])
    for axes in (loss_axes, grad_axes):
        axes.set_xlabel(text["x"])
        axes.grid(True)
    loss_axes.legend(loc="upper right", fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("bce_vs_mse.svg")
