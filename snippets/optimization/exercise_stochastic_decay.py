import math

import numpy as np

rng = np.random.default_rng(0)

# The data of batch_sizes.py: 512 samples, 5 features, noise of standard deviation 0.1.
inputs = rng.normal(size=(512, 5))  # (512, 5)
true_weights = rng.normal(size=5)
targets = inputs @ true_weights + 0.1 * rng.normal(size=512)  # (512,)


def mse(w):
    return np.mean((inputs @ w - targets) ** 2)


def stochastic(schedule, epochs=5, base_lr=0.05):
    """Batch size 1; schedule(t, total) scales the learning rate of update t."""
    order_rng, w = np.random.default_rng(0), np.zeros(5)
    total, t = epochs * len(inputs), 0
    for epoch in range(epochs):
        for i in order_rng.permutation(len(inputs)):
            x, y = inputs[i], targets[i]
            w = w - base_lr * schedule(t, total) * 2 * x * (x @ w - y)
            t += 1
    return mse(w)


best = mse(np.linalg.lstsq(inputs, targets, rcond=None)[0])
constant = stochastic(lambda t, total: 1.0)
decayed = stochastic(lambda t, total: (1 + math.cos(math.pi * t / total)) / 2)  # cosine, per update
print(f"best possible  : {best:.4f}")
print(f"constant lr    : {constant:.4f}")
print(f"cosine-decayed : {decayed:.4f}")
assert decayed < 1.02 * best < 1.2 * best < constant
