import numpy as np
import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)

# The same split as autoencoder.py (same seed, same first draw).
digits = load_digits().data / 16.0  # (1797, 64)
order = torch.randperm(len(digits)).numpy()
x_train, x_test = digits[order[:1500]], digits[order[1500:]]

mean = x_train.mean(axis=0)
_, _, components = np.linalg.svd(x_train - mean, full_matrices=False)  # rows: directions
for code_size in [2, 8, 16]:
    basis = components[:code_size]  # (k, 64): the best k-dimensional linear code
    codes = (x_test - mean) @ basis.T  # encode: (297, k)
    rebuilt = codes @ basis + mean  # decode: (297, 64)
    print(f"PCA with {code_size:2d} numbers: test MSE {np.mean((rebuilt - x_test) ** 2):.4f}")
    if code_size == 8:
        assert 0.02 < np.mean((rebuilt - x_test) ** 2) < 0.03
