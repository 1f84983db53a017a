import numpy as np
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

lr, gradient, steps = 0.1, 2.0, 10_000  # the loss L(w) = 2 w: the same gradient at every step


def numpy_step_sizes(kind):
    """Step sizes as torch.optim computes them, at its defaults (Adagrad eps 1e-10; RMSprop alpha 0.99, eps 1e-8)."""
    total, sizes = 0.0, []
    for _ in range(steps):
        if kind == "Adagrad":
            total = total + gradient**2  # s_t = t g^2: never forgets
            sizes.append(lr * gradient / (np.sqrt(total) + 1e-10))
        else:
            total = 0.99 * total + 0.01 * gradient**2  # a_t tends to g^2
            sizes.append(lr * gradient / (np.sqrt(total) + 1e-8))
    return np.array(sizes)


def torch_step_sizes(optimizer_class, count):
    w = torch.zeros(1, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = optimizer_class([w], lr=lr)
    positions = [w.detach().clone()]
    for _ in range(count):
        optimizer.zero_grad()
        (gradient * w).sum().backward()
        optimizer.step()
        positions.append(w.detach().clone())
    return -torch.cat(positions).diff().cpu().numpy()


adagrad, rmsprop = numpy_step_sizes("Adagrad"), numpy_step_sizes("RMSprop")
# The NumPy rules match torch.optim (checked on the first 1000 steps).
assert np.allclose(torch_step_sizes(torch.optim.Adagrad, 1000), adagrad[:1000], rtol=1e-9)
assert np.allclose(torch_step_sizes(torch.optim.RMSprop, 1000), rmsprop[:1000], rtol=1e-9)

print("step    Adagrad   RMSprop")
for step in (1, 100, 10_000):
    print(f"{step:5d}  {adagrad[step - 1]:8.4f}  {rmsprop[step - 1]:8.4f}")
print(f"distance after {steps} steps: Adagrad {adagrad.sum():.1f}, RMSprop {rmsprop.sum():.1f}")
# Adagrad's step t is lr / sqrt(t): the distance grows like 2 lr sqrt(t), not like lr t.
assert np.allclose(adagrad, lr / np.sqrt(np.arange(1, steps + 1)), rtol=1e-6)
assert abs(rmsprop[-1] - lr) < 1e-6  # RMSprop forgets, and its steps settle at lr
