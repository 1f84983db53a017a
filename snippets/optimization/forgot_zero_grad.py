import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The bowl again: f(w) = (0.2 w1^2 + 4 w2^2) / 2, plain SGD with a safe learning rate.
curvature = torch.tensor([0.2, 4.0], device=device)


def final_loss(clear_gradients):
    w = torch.tensor([-4.0, 1.5], device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.4)
    for step in range(50):
        if clear_gradients:
            optimizer.zero_grad()
        loss = 0.5 * (curvature * w**2).sum()
        loss.backward()  # ADDS this step's gradient to w.grad
        optimizer.step()
    return (0.5 * (curvature * w**2).sum()).item(), w.grad


good, _ = final_loss(clear_gradients=True)
bad, stale_gradient = final_loss(clear_gradients=False)
print(f"with zero_grad():    loss after 50 steps {good:.4f}")
print(f"without zero_grad(): loss after 50 steps {bad:.4f}")
print(f"  w.grad holds the sum of all 50 gradients: ({stale_gradient[0]:+.2f}, {stale_gradient[1]:+.2f})")
assert good < 1e-3 and bad > 100 * good
