import numpy as np

rng = np.random.default_rng(0)

# Linear regression: f(w) = mean((X w - y)^2) has the same Hessian 2 X^T X / n everywhere.
x = rng.normal(size=(50, 3))
y = x @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=50)
hessian = 2 * x.T @ x / len(x)
print(f"linear regression: Hessian eigenvalues {np.linalg.eigvalsh(hessian).round(3)} (all >= 0: convex)")
least_squares = np.linalg.lstsq(x, y, rcond=None)[0]
ends = []
for start in rng.normal(scale=5.0, size=(4, 3)):
    w = start
    for _ in range(500):
        w = w - 0.1 * 2 * x.T @ (x @ w - y) / len(x)
    ends.append(w)
distance = max(np.linalg.norm(w - least_squares) for w in ends)
print(f"  4 random starts: largest distance of the end points from least squares {distance:.1e}")
assert distance < 1e-8


# The page's f(x, y): from two starts, two different minima.
def gradient(w):
    x, y = w
    return np.array([x**3 - x**2 - 2 * x - 2 * x * (y - x**2 / 2), 2 * (y - x**2 / 2)])


def f(w):
    x, y = w
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


for start in ([1.0, 0.0], [-1.5, 0.0]):
    w = np.array(start)
    for _ in range(500):
        w = w - 0.05 * gradient(w)
    print(f"page's f from {start}: ends at ({w[0]:+.3f}, {w[1]:+.3f}), f = {f(w):+.4f}")

# Convexity itself: f at a midpoint is never above the mean of the ends. The page's f breaks it.
a, b = np.array([-1.0, 0.5]), np.array([2.0, 2.0])
print(f"f(midpoint) = {f((a + b) / 2):+.4f}, mean of f at the ends = {(f(a) + f(b)) / 2:+.4f}")
assert f((a + b) / 2) > (f(a) + f(b)) / 2
