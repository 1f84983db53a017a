import math

import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
negative_slope = 0.1  # Leaky ReLU's slope for x < 0 (PyTorch's default is 0.01, too small to see in a plot)


def normal_pdf(x):
    return torch.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)


def normal_cdf(x):
    return 0.5 * (1 + torch.erf(x / math.sqrt(2)))


# name: (the activation as PyTorch computes it, its derivative as a closed form)
ACTIVATIONS = {
    "sigmoid": (torch.sigmoid, lambda x: torch.sigmoid(x) * (1 - torch.sigmoid(x))),
    "tanh": (torch.tanh, lambda x: 1 - torch.tanh(x) ** 2),
    "ReLU": (torch.relu, lambda x: (x > 0).to(x.dtype)),
    "Leaky ReLU": (
        lambda x: torch.nn.functional.leaky_relu(x, negative_slope),
        lambda x: torch.where(x > 0, torch.ones_like(x), torch.full_like(x, negative_slope)),
    ),
    "GELU": (torch.nn.functional.gelu, lambda x: normal_cdf(x) + x * normal_pdf(x)),  # GELU(x) = x Phi(x)
}


def autograd_derivative(function, x):
    """f'(x) for every element of x: the activation acts elementwise, so the gradient of f(x).sum() is f'(x)."""
    x = x.detach().clone().requires_grad_(True)
    function(x).sum().backward()
    return x.grad


x = torch.linspace(-6, 6, 1201, dtype=torch.float64, device=device)  # steps of 0.01, x = 0 included
five = torch.tensor([5.0], dtype=torch.float64, device=device)
print(f"{'activation':<11}{'max f′':>9}{'f′(5)':>11}{'f′(−5)':>11}{'|autograd − formula|':>23}")
for name, (function, derivative) in ACTIVATIONS.items():
    by_autograd = autograd_derivative(function, x)
    gap = (by_autograd - derivative(x)).abs().max().item()
    assert gap < 1e-12, name
    at_plus = autograd_derivative(function, five).item()
    at_minus = autograd_derivative(function, -five).item()
    print(f"{name:<11}{by_autograd.max().item():>9.4f}{at_plus:>11.2e}{at_minus:>11.2e}{gap:>23.1e}")

sigmoid_max = autograd_derivative(torch.sigmoid, x).max().item()
assert sigmoid_max == 0.25  # at x = 0: sigmoid(0) (1 - sigmoid(0)) = 1/2 * 1/2
depth = 10
print(f"through {depth} sigmoid layers the derivatives multiply to at most {sigmoid_max**depth:.1e}")
