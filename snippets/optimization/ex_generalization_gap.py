import numpy as np

rng = np.random.default_rng(0)


def make_data(n, rng):
    """x in [0, 1], y = sin(2 pi x) + noise of standard deviation 0.3 (as in polynomial_degrees.py)."""
    x = rng.uniform(0, 1, size=n)
    return x, np.sin(2 * np.pi * x) + 0.3 * rng.normal(size=n)


x_val, y_val = make_data(1000, rng)


def mse(polynomial, x, y):
    return np.mean((polynomial(x) - y) ** 2)


def median_gap(degree, n_train, repeats=200):
    """Validation MSE minus training MSE, median over many training sets of n_train points."""
    gaps = []
    for _ in range(repeats):
        x_train, y_train = make_data(n_train, rng)
        polynomial = np.polynomial.Polynomial.fit(x_train, y_train, degree)
        gaps.append(mse(polynomial, x_val, y_val) - mse(polynomial, x_train, y_train))
    return np.median(gaps)


degrees = (1, 3, 5, 9, 12)
gap = {(d, n): median_gap(d, n) for d in degrees for n in (20, 200)}
print("degree  gap, 20 training points  gap, 200 training points")
for d in degrees:
    print(f"{d:6d}  {gap[d, 20]:23.4f}  {gap[d, 200]:24.4f}")
# From degree 3 on, a larger model opens a wider gap; ten times more data closes most of it.
assert all(gap[a, 20] < gap[b, 20] for a, b in zip(degrees[1:], degrees[2:]))
assert all(gap[d, 200] < gap[d, 20] for d in degrees)
