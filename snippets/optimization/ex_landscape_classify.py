import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
origin = torch.zeros(2, dtype=torch.float64, device=device)


def f(w):
    return w[0] ** 2 + 4 * w[0] * w[1] + w[1] ** 2


hessian = torch.autograd.functional.hessian(f, origin)
eigenvalues, eigenvectors = torch.linalg.eigh(hessian)
print(f"x^2 + 4xy + y^2: Hessian diagonal {hessian.diagonal().tolist()}, eigenvalues {eigenvalues.tolist()}")
downhill = eigenvectors[:, 0]  # the eigenvector of the negative eigenvalue
for name, direction in [("x axis", [1.0, 0.0]), ("y axis", [0.0, 1.0]), ("eigenvector", downhill.tolist())]:
    w = 0.1 * torch.tensor(direction, dtype=torch.float64, device=device)
    print(f"  f at distance 0.1 along the {name:11s}: {f(w).item():+.4f}")
assert (hessian.diagonal() > 0).all() and eigenvalues[0] < 0 < eigenvalues[1]  # a saddle point

# An eigenvalue of 0: the Hessian cannot tell, the fourth power decides.
for name, g in [("x^2 + y^4", lambda w: w[0] ** 2 + w[1] ** 4), ("x^2 - y^4", lambda w: w[0] ** 2 - w[1] ** 4)]:
    eigenvalues = torch.linalg.eigvalsh(torch.autograd.functional.hessian(g, origin)).abs()  # no "-0.0"
    w = torch.tensor([0.0, 0.1], dtype=torch.float64, device=device)
    print(f"{name}: eigenvalues {eigenvalues.tolist()}, f at (0, 0.1) = {g(w).item():+.4f}")
