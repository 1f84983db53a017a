import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.tree import DecisionTreeRegressor

rng = np.random.default_rng(0)


def make_data(n, rng):
    x = rng.uniform(0, 1, size=(n, 1))  # (n, 1)
    return x, np.sin(2 * np.pi * x[:, 0]) + 0.3 * rng.normal(size=n)


x_train, y_train = make_data(100, rng)
x_test, y_test = make_data(1000, rng)

# Gradient boosting for squared error: each small tree fits what the ensemble still gets wrong.
learning_rate, rounds = 0.1, 200
train_prediction = np.full(len(y_train), y_train.mean())  # start from a constant
test_prediction = np.full(len(y_test), y_train.mean())
train_mse, test_mse = {}, {}
for round_ in range(1, rounds + 1):
    residuals = y_train - train_prediction  # = minus the gradient of (1/2)(y - F)^2 with respect to F
    stump = DecisionTreeRegressor(max_depth=2, random_state=0).fit(x_train, residuals)
    train_prediction += learning_rate * stump.predict(x_train)
    test_prediction += learning_rate * stump.predict(x_test)
    train_mse[round_] = np.mean((train_prediction - y_train) ** 2)
    test_mse[round_] = np.mean((test_prediction - y_test) ** 2)
    if round_ in (1, 10, 30, 100, 200):
        print(f"round {round_:3d}: training MSE {train_mse[round_]:.4f}, test MSE {test_mse[round_]:.4f}")

best_round = min(test_mse, key=test_mse.get)
print(f"lowest test MSE {test_mse[best_round]:.4f} after round {best_round}")

# scikit-learn's GradientBoostingRegressor runs the same algorithm.
library = GradientBoostingRegressor(n_estimators=rounds, learning_rate=learning_rate, max_depth=2, random_state=0)
library.fit(x_train, y_train)
assert np.allclose(library.predict(x_test), test_prediction, atol=1e-8)
# Bias falls round after round; past some point the ensemble starts to fit the noise.
assert train_mse[200] < train_mse[30] < train_mse[1] and min(test_mse.values()) < 0.12 < test_mse[200]
