import numpy as np
from sklearn.tree import DecisionTreeRegressor

rng = np.random.default_rng(0)


def make_data(n, rng):
    x = rng.uniform(0, 1, size=(n, 1))  # (n, 1)
    return x, np.sin(2 * np.pi * x[:, 0]) + 0.3 * rng.normal(size=n)


x_train, y_train = make_data(100, rng)
x_test, y_test = make_data(1000, rng)

# One fully grown tree: it memorises the training set, noise included (low bias, high variance).
tree = DecisionTreeRegressor(random_state=0).fit(x_train, y_train)

# Bagging: grow a tree on each bootstrap resample, then average their predictions.
predictions = []
for b in range(100):
    rows = rng.integers(0, len(x_train), size=len(x_train))  # a bootstrap resample
    bagged_tree = DecisionTreeRegressor(random_state=b).fit(x_train[rows], y_train[rows])
    predictions.append(bagged_tree.predict(x_test))
bagged = np.mean(predictions, axis=0)

single_mse = np.mean((tree.predict(x_test) - y_test) ** 2)
bagged_mse = np.mean((bagged - y_test) ** 2)
print(f"one tree        : test MSE {single_mse:.4f}")
print(f"100 bagged trees: test MSE {bagged_mse:.4f} (noise variance 0.09 is the floor)")
assert bagged_mse < 0.8 * single_mse  # averaging cancels much of the variance
