import numpy as np


def loss(w):
    x, y = w
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def gradient(w):
    x, y = w
    return np.array([x**3 - x**2 - 2 * x - 2 * x * (y - x**2 / 2), 2 * (y - x**2 / 2)])


def hessian(w):
    """The second derivatives, worked out by hand."""
    x, y = w
    return np.array([[6 * x**2 - 2 * x - 2 - 2 * y, -2 * x], [-2 * x, 2.0]])


def classify(eigenvalues, tolerance=1e-9):
    if np.all(eigenvalues > tolerance):
        return "minimum"
    if np.all(eigenvalues < -tolerance):
        return "maximum"
    if np.any(eigenvalues > tolerance) and np.any(eigenvalues < -tolerance):
        return "saddle point"
    return "undecided (an eigenvalue is 0)"


# The gradient is zero where y = x^2 / 2 and x^3 - x^2 - 2x = x (x + 1) (x - 2) = 0.
critical_points = [(-1.0, 0.5), (0.0, 0.0), (2.0, 2.0)]
for point in critical_points:
    w = np.array(point)
    assert np.allclose(gradient(w), 0.0)
    eigenvalues = np.linalg.eigvalsh(hessian(w))  # symmetric matrix: real eigenvalues, ascending
    print(
        f"w = ({w[0]:+.1f}, {w[1]:+.1f}): f = {loss(w):+.4f}, "
        f"eigenvalues {eigenvalues[0]:+.4f} {eigenvalues[1]:+.4f}, {classify(eigenvalues)}"
    )
assert [classify(np.linalg.eigvalsh(hessian(np.array(p)))) for p in critical_points] == [
    "minimum",
    "saddle point",
    "minimum",
]
