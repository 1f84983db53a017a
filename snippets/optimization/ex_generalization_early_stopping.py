import numpy as np

rng = np.random.default_rng(0)


def make_data(n, rng):
    """x in [0, 1], y = sin(2 pi x) + noise of standard deviation 0.3 (as in polynomial_degrees.py)."""
    x = rng.uniform(0, 1, size=n)
    return x, np.sin(2 * np.pi * x) + 0.3 * rng.normal(size=n)


def features(x):
    return np.polynomial.legendre.legvander(2 * x - 1, 15)  # a degree-15 polynomial, (n, 16)


x_train, y_train = make_data(20, rng)
x_test, y_test = make_data(1000, rng)  # stands in for unseen data
train_features = features(x_train)

# Full-batch gradient descent on the MSE from w = 0; keep the weights at 40 steps between 10 and 20000.
checkpoints = np.unique(np.geomspace(10, 20000, 40).astype(int))
w, saved = np.zeros(16), []
for step in range(1, checkpoints[-1] + 1):
    w -= 0.02 * train_features.T @ (train_features @ w - y_train) / len(y_train)
    if step in checkpoints:
        saved.append(w.copy())
saved = np.array(saved)  # (40, 16)


def mse_at_checkpoints(x, y):
    return np.mean((features(x) @ saved.T - y[:, None]) ** 2, axis=0)  # (40,)


test_mse = mse_at_checkpoints(x_test, y_test)
best = test_mse.argmin()
print(
    f"test MSE: lowest {test_mse[best]:.4f} at step {checkpoints[best]}, {test_mse[-1]:.4f} at step {checkpoints[-1]}"
)
stopped_mse = {}
for n_val in (10, 100):
    # Early stopping with 100 different validation sets of n_val points: which step does each choose?
    chosen = np.array([mse_at_checkpoints(*make_data(n_val, rng)).argmin() for _ in range(100)])
    low, median, high = np.percentile(checkpoints[chosen], [10, 50, 90])
    stopped_mse[n_val] = test_mse[chosen].mean()
    print(
        f"validation set of {n_val:3d} points: chosen step {median:.0f} (10% to 90% of runs: {low:.0f} to {high:.0f}), "
        f"test MSE there {stopped_mse[n_val]:.4f} on average"
    )
assert stopped_mse[100] < stopped_mse[10] < test_mse[-1]
