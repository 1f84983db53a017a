import numpy as np
from sklearn.datasets import load_digits

rng = np.random.default_rng(0)
digits = load_digits()
images, labels = digits.data, digits.target  # (1797, 64), (1797,)


def standardize(x, statistics_from):
    mean, std = statistics_from.mean(axis=0), statistics_from.std(axis=0)
    return (x - mean) / np.where(std > 0, std, 1.0)  # a pixel that never changes is left as it is


def validation_accuracy(train, val, statistics_from):
    """A 1-nearest-neighbour classifier, whose distances depend on how each pixel is scaled."""
    x_train, x_val = standardize(images[train], statistics_from), standardize(images[val], statistics_from)
    # Squared distances (n_val, n_train), less |x_val|^2, which is the same for every training image
    distances = (x_train**2).sum(axis=1) - 2 * x_val @ x_train.T
    return np.mean(labels[train][distances.argmin(axis=1)] == labels[val])


print("training images  leaky (all images)  honest (training part)  difference  splits where leaky wins")
leak = {}
for n_train in (20, 50, 100, 300):
    leaky, honest = [], []
    for _ in range(50):
        order = rng.permutation(len(images))
        train, val = order[:n_train], order[n_train : n_train + 500]
        leaky.append(validation_accuracy(train, val, statistics_from=images))  # the mistake
        honest.append(validation_accuracy(train, val, statistics_from=images[train]))
    leak[n_train] = np.mean(leaky) - np.mean(honest)
    wins = np.mean(np.array(leaky) > np.array(honest))
    print(f"{n_train:15d}  {np.mean(leaky):18.1%}  {np.mean(honest):22.1%}  {leak[n_train]:+10.1%}  {wins:23.0%}")
# The leak makes validation look better, most of all when the training part is small.
assert all(value > 0 for value in leak.values()) and leak[300] < leak[20]
