import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def weight_after(make_optimizer, steps=50):
    """A weight whose loss gradient is zero: only the weight decay moves it."""
    w = torch.ones(1, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = make_optimizer([w])
    for _ in range(steps):
        optimizer.zero_grad()
        (0 * w).sum().backward()  # the loss contributes nothing
        optimizer.step()
    return w.item()


print("weight after 50 steps from 1.0 (lr = 0.01):")
after = {}
for optimizer_class in (torch.optim.Adam, torch.optim.AdamW):
    for decay in (0.1, 0.001):
        after[optimizer_class.__name__, decay] = weight_after(lambda p: optimizer_class(p, lr=0.01, weight_decay=decay))
        print(f"  {optimizer_class.__name__:>5}, weight_decay={decay:<5}: {after[optimizer_class.__name__, decay]:.4f}")

# Adam divides the L2 term by its own running size: 100x less decay shrinks the weight just as fast.
assert abs(after["Adam", 0.1] - after["Adam", 0.001]) < 1e-3
# AdamW shrinks by (1 - lr * weight_decay) per step, as the hyperparameter says.
assert abs(after["AdamW", 0.1] - (1 - 0.01 * 0.1) ** 50) < 1e-12
