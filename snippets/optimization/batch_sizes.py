import numpy as np

rng = np.random.default_rng(0)

# Linear regression: 512 samples, 5 features, targets with noise of standard deviation 0.1.
inputs = rng.normal(size=(512, 5))  # (512, 5)
true_weights = rng.normal(size=5)
targets = inputs @ true_weights + 0.1 * rng.normal(size=512)  # (512,)


def mse(w):
    return np.mean((inputs @ w - targets) ** 2)


def train(batch_size, epochs=5, learning_rate=0.05, seed=0):
    """Mini-batch gradient descent: each epoch shuffles the data and takes one step per batch."""
    order_rng = np.random.default_rng(seed)
    w, updates = np.zeros(5), 0
    for epoch in range(epochs):
        order = order_rng.permutation(len(inputs))
        for start in range(0, len(inputs), batch_size):
            batch = order[start : start + batch_size]
            x, y = inputs[batch], targets[batch]
            gradient = 2 / len(batch) * x.T @ (x @ w - y)  # the MSE gradient on this batch only
            w = w - learning_rate * gradient
            updates += 1
    return mse(w), updates


results = {}
for name, batch_size in [("batch (all 512)", 512), ("mini-batch (32)", 32), ("stochastic (1)", 1)]:
    results[name] = train(batch_size)
    loss, updates = results[name]
    print(f"{name:>16}: {updates:5d} updates in 5 epochs, training MSE {loss:.4f}")

best = mse(np.linalg.lstsq(inputs, targets, rcond=None)[0])
print(f"{'best possible':>16}: training MSE {best:.4f} (least squares)")

# Same number of passes over the data: smaller batches take more steps and get further...
assert results["mini-batch (32)"][0] < 1.05 * best < results["batch (all 512)"][0]
# ...but with a constant learning rate, batch size 1 keeps jittering above the best fit.
assert results["stochastic (1)"][0] > 1.2 * best
