import numpy as np
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)

# A linear model y_hat = X w and its mean squared error L(w) = mean((X w - y)^2).
inputs = rng.normal(size=(16, 3))  # (16, 3): 16 samples, 3 features
targets = rng.normal(size=16)  # (16,)
weights = rng.normal(size=3)  # (3,)


def loss(w):
    return np.mean((inputs @ w - targets) ** 2)


# 1. By hand: dL/dw = 2/n X^T (X w - y).
by_hand = 2 / len(inputs) * inputs.T @ (inputs @ weights - targets)


# 2. By central finite differences: (L(w + h e_i) - L(w - h e_i)) / 2h, one coordinate at a time.
def central_differences(h):
    return np.array([(loss(weights + h * e) - loss(weights - h * e)) / (2 * h) for e in np.eye(3)])


by_differences = central_differences(h=1e-6)

# 3. By autograd: build L in torch, call backward(), read w.grad.
w = torch.tensor(weights, device=device, requires_grad=True)  # float64, like NumPy
x, y = torch.tensor(inputs, device=device), torch.tensor(targets, device=device)
((x @ w - y) ** 2).mean().backward()
by_autograd = w.grad.cpu().numpy()

for name, gradient in [("by hand", by_hand), ("finite differences", by_differences), ("autograd", by_autograd)]:
    print(f"{name:>18}: {np.array2string(gradient, precision=6)}")
# L is quadratic in w, so central differences have no truncation error: the gap is rounding, about 1e-16 * L / h,
# and a larger h makes it smaller. Autograd is exact up to rounding.
gap = np.max(np.abs(by_hand - by_differences))
assert gap < 1e-8
assert np.max(np.abs(by_hand - central_differences(h=1e-2))) < gap
assert np.max(np.abs(by_hand - by_autograd)) < 1e-12
print("all three agree")
