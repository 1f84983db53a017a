"""Batch, mini-batch and stochastic gradient descent on the linear regression of batch_sizes.py."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "ko": {
        "names": ["배치 (512개)", "미니배치 (32개)", "확률적 (1개)"],
        "epochs": "에포크 (데이터를 훑은 횟수)",
        "updates": "갱신 횟수 (로그 눈금)",
        "loss": "훈련 MSE (로그 눈금)",
    },
    "en": {
        "names": ["batch (512)", "mini-batch (32)", "stochastic (1)"],
        "epochs": "epochs (passes over the data)",
        "updates": "updates (log scale)",
        "loss": "training MSE (log scale)",
    },
}


def curves():
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(512, 5))
    true_weights = rng.normal(size=5)
    targets = inputs @ true_weights + 0.1 * rng.normal(size=512)
    result = []
    for batch_size in (512, 32, 1):
        order_rng, w, losses = np.random.default_rng(0), np.zeros(5), [np.mean(targets**2)]
        for epoch in range(5):
            order = order_rng.permutation(512)
            for start in range(0, 512, batch_size):
                x, y = inputs[order[start : start + batch_size]], targets[order[start : start + batch_size]]
                w = w - 0.05 * 2 / len(y) * x.T @ (x @ w - y)
                losses.append(np.mean((inputs @ w - targets) ** 2))
        result.append(np.array(losses))
    return result


def draw(lang: str):
    text = TEXT[lang]
    figure, (by_epoch, by_update) = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
    for index, (name, losses) in enumerate(zip(text["names"], curves())):
        updates = np.arange(len(losses))
        # A few hundred points per curve: evenly spaced in epochs on the left, in log(updates) on the right.
        even = np.unique(np.linspace(0, len(losses) - 1, 200).astype(int))
        logarithmic = np.unique(np.geomspace(1, len(losses) - 1, 150).astype(int))
        by_epoch.plot(updates[even] / (len(losses) - 1) * 5, losses[even], color=f"C{index}", lw=1.3, label=name)
        by_update.plot(updates[logarithmic], losses[logarithmic], color=f"C{index}", lw=1.3, label=name)
    by_epoch.set_yscale("log")
    by_update.set_xscale("log")
    by_epoch.set_xlabel(text["epochs"])
    by_update.set_xlabel(text["updates"])
    by_epoch.set_ylabel(text["loss"])
    by_epoch.legend(fontsize=9)
    figure.tight_layout()
    return figure


if __name__ == "__main__":
    draw("en").savefig("batch_sizes.svg")
