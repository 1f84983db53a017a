import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

lr, eps = 1e-3, 1e-8  # torch.optim.Adam's defaults


def first_step(gradient):
    """How far torch.optim.Adam moves a weight on its first step, for a gradient of this size."""
    w = torch.zeros(1, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=lr, eps=eps)
    (gradient * w).sum().backward()
    optimizer.step()
    return -w.item()


print("gradient  first step / lr")
for gradient in (1e-2, 1e-6, 1e-8, 1e-10):
    step = first_step(gradient)
    print(f"{gradient:8.0e}  {step / lr:.3f}")
    # The corrected first step is lr * |g| / (|g| + eps): lr while |g| >> eps, in proportion to |g| below it.
    assert abs(step - lr * gradient / (gradient + eps)) < 1e-15
