import torch

device = "cuda" if torch.cuda.is_available() else "cpu"


def loss(w):
    x, y = w[0], w[1]
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def classify(eigenvalues, tolerance=1e-9):
    if torch.all(eigenvalues > tolerance):
        return "minimum"
    if torch.all(eigenvalues < -tolerance):
        return "maximum"
    if torch.any(eigenvalues > tolerance) and torch.any(eigenvalues < -tolerance):
        return "saddle point"
    return "undecided (an eigenvalue is 0)"


critical_points = [(-1.0, 0.5), (0.0, 0.0), (2.0, 2.0)]
kinds = []
for point in critical_points:
    w = torch.tensor(point, dtype=torch.float64, device=device)
    gradient = torch.autograd.functional.jacobian(loss, w)
    assert torch.allclose(gradient, torch.zeros_like(gradient))
    hessian = torch.autograd.functional.hessian(loss, w)  # 2 x 2, by automatic differentiation
    eigenvalues = torch.linalg.eigvalsh(hessian)
    kinds.append(classify(eigenvalues))
    print(
        f"w = ({w[0]:+.1f}, {w[1]:+.1f}): f = {loss(w).item():+.4f}, "
        f"eigenvalues {eigenvalues[0]:+.4f} {eigenvalues[1]:+.4f}, {kinds[-1]}"
    )
assert kinds == ["minimum", "saddle point", "minimum"]
