import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

width = 4
weight = 0.01 * torch.randn(width, width, device=device, dtype=torch.float64)  # a tiny F
x = torch.randn(width, device=device, dtype=torch.float64)


def plain(x):
    return weight @ x  # y = F(x)


def residual(x):
    return weight @ x + x  # y = F(x) + x


jacobian_plain = torch.autograd.functional.jacobian(plain, x)
jacobian_residual = torch.autograd.functional.jacobian(residual, x)
identity = torch.eye(width, device=device, dtype=torch.float64)
assert torch.allclose(jacobian_residual, jacobian_plain + identity)  # dy/dx = dF/dx + I

# Backpropagating through 50 such blocks multiplies 50 Jacobians together.
through_plain = torch.linalg.matrix_power(jacobian_plain, 50)
through_residual = torch.linalg.matrix_power(jacobian_residual, 50)
print(f"size of the gradient after 50 plain blocks:    {through_plain.norm().item():.1e}")
print(f"size of the gradient after 50 residual blocks: {through_residual.norm().item():.1e}")
assert through_plain.norm() < 1e-50 and 0.5 < through_residual.norm() / identity.norm() < 2
