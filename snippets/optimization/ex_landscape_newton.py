import numpy as np


def gradient(w):
    x, y = w
    return np.array([x**3 - x**2 - 2 * x - 2 * x * (y - x**2 / 2), 2 * (y - x**2 / 2)])


def hessian(w):
    x, y = w
    return np.array([[6 * x**2 - 2 * x - 2 - 2 * y, -2 * x], [-2 * x, 2.0]])


def f(w):
    x, y = w
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def newton_step(w):
    return w - np.linalg.solve(hessian(w), gradient(w))


def saddle_free_newton_step(w):
    """Dauphin et al.: divide by |eigenvalue| instead, so negative curvature pushes away."""
    eigenvalues, eigenvectors = np.linalg.eigh(hessian(w))
    return w - eigenvectors @ ((eigenvectors.T @ gradient(w)) / np.abs(eigenvalues))


for name, step in [("Newton", newton_step), ("saddle-free Newton", saddle_free_newton_step)]:
    w = np.array([0.3, 1.0])
    for _ in range(20):
        w = step(w)
    print(
        f"{name:18s} from (0.3, 1.0): after 20 steps at ({w[0]:+.4f}, {w[1]:+.4f}), f = {f(w):+.4f}, "
        f"gradient norm {np.linalg.norm(gradient(w)):.0e}"
    )
