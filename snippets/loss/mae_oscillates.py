import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

y = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0], device=device)  # mean = median = 3
learning_rate = 0.3


def descend(loss_fn, steps: int = 60) -> list[float]:
    """Gradient descent on one constant prediction c; return every c visited."""
    c = torch.zeros((), device=device, requires_grad=True)
    path = []
    for _ in range(steps):
        loss = loss_fn(c.expand_as(y), y)
        loss.backward()
        with torch.no_grad():
            c -= learning_rate * c.grad
            c.grad = None
        path.append(c.item())
    return path


mse_path, mae_path = descend(F.mse_loss), descend(F.l1_loss)
print("last 4 steps with MSE:", " ".join(f"{c:.3f}" for c in mse_path[-4:]))
print("last 4 steps with MAE:", " ".join(f"{c:.3f}" for c in mae_path[-4:]))
assert abs(mse_path[-1] - 3) < 1e-4  # the MSE gradient shrinks with the error: it settles
assert max(mae_path[-4:]) - min(mae_path[-4:]) > 0.05  # the MAE gradient never shrinks: it keeps jumping
