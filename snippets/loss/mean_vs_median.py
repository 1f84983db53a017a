import numpy as np

y = np.array([1.0, 2.0, 3.0, 4.0, 100.0])  # targets; 100 is an outlier
candidates = np.linspace(0, 110, 110_001)  # constant predictions c, step 0.001

mse_per_candidate = ((candidates[:, None] - y) ** 2).mean(axis=1)  # (110001,)
mae_per_candidate = np.abs(candidates[:, None] - y).mean(axis=1)

best_for_mse = candidates[mse_per_candidate.argmin()]
best_for_mae = candidates[mae_per_candidate.argmin()]
print(f"best constant for MSE: {best_for_mse:.3f}   mean   = {y.mean():.3f}")
print(f"best constant for MAE: {best_for_mae:.3f}   median = {np.median(y):.3f}")
assert abs(best_for_mse - y.mean()) < 1e-3
assert abs(best_for_mae - np.median(y)) < 1e-3
