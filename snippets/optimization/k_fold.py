import numpy as np

rng = np.random.default_rng(4)


def make_data(n, rng):
    """x in [0, 1], y = sin(2 pi x) + noise of standard deviation 0.3."""
    x = rng.uniform(0, 1, size=n)
    return x, np.sin(2 * np.pi * x) + 0.3 * rng.normal(size=n)


x, y = make_data(30, rng)  # all the labelled data we have
x_test, y_test = make_data(1000, rng)  # kept aside, looked at once at the very end


def k_fold_indices(n, k, rng):
    """Shuffle 0..n-1 once and cut it into k nearly equal folds."""
    return np.array_split(rng.permutation(n), k)


def cross_validation_mse(degree, folds):
    errors = []
    for i, val_index in enumerate(folds):
        train_index = np.concatenate([fold for j, fold in enumerate(folds) if j != i])
        polynomial = np.polynomial.Polynomial.fit(x[train_index], y[train_index], degree)
        errors.append(np.mean((polynomial(x[val_index]) - y[val_index]) ** 2))
    return np.mean(errors)  # every point served as validation data exactly once


folds = k_fold_indices(len(x), k=5, rng=np.random.default_rng(1))
assert np.array_equal(np.sort(np.concatenate(folds)), np.arange(len(x)))  # a partition of the data

cv_error = {degree: cross_validation_mse(degree, folds) for degree in range(1, 11)}
for degree, error in cv_error.items():
    print(f"degree {degree:2d}: 5-fold CV MSE {error:.4f}")
chosen = min(cv_error, key=cv_error.get)

# Refit the chosen degree on all 30 points, then look at the test set once.
final = np.polynomial.Polynomial.fit(x, y, chosen)
test_mse = np.mean((final(x_test) - y_test) ** 2)
print(f"chosen degree {chosen}: test MSE {test_mse:.4f} (noise variance 0.09 is the floor)")
assert 3 <= chosen <= 7 and test_mse < 0.1
