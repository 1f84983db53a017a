import numpy as np

rng = np.random.default_rng(0)
noise_std = 0.3
x_test = np.linspace(0.05, 0.95, 50)  # fixed test inputs
f_test = np.sin(2 * np.pi * x_test)  # the true function there


def predictions(degree, n_datasets=500):
    """Fit the degree on many training sets (same 20 inputs, fresh noise); predict at x_test with each."""
    x = np.linspace(0, 1, 20)
    rows = []
    for _ in range(n_datasets):
        y = np.sin(2 * np.pi * x) + noise_std * rng.normal(size=len(x))
        rows.append(np.polynomial.Polynomial.fit(x, y, degree)(x_test))
    return np.array(rows)  # (n_datasets, 50)


print("degree  bias^2  variance  noise  sum     measured test MSE")
for degree in (1, 3, 5, 9, 12):
    fits = predictions(degree)
    bias_squared = np.mean((fits.mean(axis=0) - f_test) ** 2)  # how far the average fit is from the truth
    variance = np.mean(fits.var(axis=0))  # how much a fit moves from one training set to the next
    noise = noise_std**2  # what no model can predict
    y_test = f_test + noise_std * rng.normal(size=fits.shape)  # fresh noisy labels for every fit
    measured = np.mean((fits - y_test) ** 2)
    total = bias_squared + variance + noise
    print(f"{degree:6d}  {bias_squared:6.4f}  {variance:8.4f}  {noise:5.2f}  {total:.4f}  {measured:.4f}")
    assert abs(measured - total) < 0.05 * total  # the decomposition holds, up to sampling error
