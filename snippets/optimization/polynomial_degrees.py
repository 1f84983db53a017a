import numpy as np

rng = np.random.default_rng(0)


def make_data(n, rng):
    """x in [0, 1], y = sin(2 pi x) + noise of standard deviation 0.3."""
    x = rng.uniform(0, 1, size=n)
    return x, np.sin(2 * np.pi * x) + 0.3 * rng.normal(size=n)


x_train, y_train = make_data(20, rng)  # what the model learns from
x_val, y_val = make_data(1000, rng)  # data it has not seen


def mse(polynomial, x, y):
    return np.mean((polynomial(x) - y) ** 2)


train_error, val_error = {}, {}
print("degree  training MSE  validation MSE")
for degree in range(16):
    polynomial = np.polynomial.Polynomial.fit(x_train, y_train, degree)  # least squares
    train_error[degree], val_error[degree] = mse(polynomial, x_train, y_train), mse(polynomial, x_val, y_val)
    if degree in (0, 1, 3, 5, 9, 12, 15):
        print(f"{degree:6d}  {train_error[degree]:12.4f}  {val_error[degree]:14.4f}")

best, largest = min(val_error, key=val_error.get), max(val_error)
ratio = val_error[largest] / val_error[best]
print(f"lowest validation error at degree {best}; at degree {largest} it is {ratio:,.0f} times that")
# Training error only falls as the degree grows; validation error falls, then rises again.
assert all(train_error[d + 1] <= train_error[d] + 1e-9 for d in range(15))
assert 3 <= best <= 7 and val_error[15] > 10 * val_error[best] and val_error[1] > 2 * val_error[best]
