import numpy as np

rng = np.random.default_rng(4)


def make_data(n, rng):
    """x in [0, 1], y = sin(2 pi x) + noise of standard deviation 0.3 (as in k_fold.py)."""
    x = rng.uniform(0, 1, size=n)
    return x, np.sin(2 * np.pi * x) + 0.3 * rng.normal(size=n)


x, y = make_data(30, rng)  # the 30 points of k_fold.py
degrees = np.arange(1, 11)
degree = 3  # the degree k_fold.py chose
near_the_floor = [3, 4, 5]  # degrees whose cross-validation error in k_fold.py is close to the noise floor


def validation_mse(d, train_index, val_index):
    polynomial = np.polynomial.Polynomial.fit(x[train_index], y[train_index], d)
    return np.mean((polynomial(x[val_index]) - y[val_index]) ** 2)


def single_split(d, order):
    """One split of the shuffled points: 24 to train, 6 to validate."""
    return validation_mse(d, order[6:], order[:6])


def five_fold(d, order):
    folds = np.array_split(order, 5)
    errors = [validation_mse(d, np.concatenate(folds[:i] + folds[i + 1 :]), fold) for i, fold in enumerate(folds)]
    return np.mean(errors)


# The same 30 points, shuffled 200 ways: how much does each estimate depend on the shuffle?
shuffles = [np.random.default_rng(seed).permutation(len(x)) for seed in range(200)]
spread = {}
for name, estimate in [("one 24/6 split", single_split), ("5-fold CV", five_fold)]:
    errors = np.array([[estimate(d, order) for d in degrees] for order in shuffles])  # (200, 10)
    at_degree = errors[:, degree - 1]
    chosen = degrees[errors.argmin(axis=1)]
    spread[name] = at_degree.std()
    print(
        f"{name:>14}: degree-{degree} validation MSE {at_degree.mean():.3f} ± {at_degree.std():.3f} "
        f"(std over {len(shuffles)} shuffles), chosen degree in {near_the_floor}: {np.isin(chosen, near_the_floor).mean():.0%}"
    )
assert spread["5-fold CV"] < 0.5 * spread["one 24/6 split"]
