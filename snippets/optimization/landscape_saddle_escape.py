import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def loss(w):
    x, y = w[0], w[1]
    return x**4 / 4 - x**3 / 3 - x**2 + (y - x**2 / 2) ** 2


def run(start, momentum, learning_rate=0.05, steps=200):
    """Steps until the loss is 0.1 below the saddle point's (f = 0), and where the run ends."""
    w = torch.tensor(start, dtype=torch.float64, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=learning_rate, momentum=momentum)
    escaped_at = None
    for step in range(steps):
        value = loss(w)
        if escaped_at is None and value.item() < -0.1:
            escaped_at = step  # the number of steps taken so far
        optimizer.zero_grad()
        value.backward()
        optimizer.step()
    return escaped_at, w.detach()


results = {}
for start in [(0.001, 1.0), (-0.001, 1.0)]:  # just off the saddle point's downhill direction
    for name, momentum in [("gradient descent", 0.0), ("momentum 0.9", 0.9)]:
        escaped_at, end = run(start, momentum)
        results[start, momentum] = escaped_at, end
        print(
            f"start ({start[0]:+.3f}, {start[1]:.1f}), {name:16s}: below f = -0.1 after {escaped_at:3d} steps, "
            f"ends at ({end[0]:+.3f}, {end[1]:+.3f}), f = {loss(end).item():+.4f}"
        )
for start in [(0.001, 1.0), (-0.001, 1.0)]:
    assert results[start, 0.9][0] < results[start, 0.0][0]  # momentum leaves the saddle sooner
# The sign of a 0.001 nudge decides the minimum: the global one at (2, 2) or the local one at (-1, 0.5).
for start, minimum in [((0.001, 1.0), [2.0, 2.0]), ((-0.001, 1.0), [-1.0, 0.5])]:
    for momentum in (0.0, 0.9):
        assert torch.allclose(results[start, momentum][1].cpu(), torch.tensor(minimum, dtype=torch.float64), atol=1e-2)
