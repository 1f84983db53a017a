import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The same bowl in float64, so that the numbers match the NumPy tab digit for digit.
curvature = torch.tensor([0.2, 4.0], dtype=torch.float64, device=device)
w = torch.tensor([-4.0, 1.5], dtype=torch.float64, device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.4)

for step in range(1, 101):
    loss = 0.5 * (curvature * w**2).sum()
    optimizer.zero_grad()
    loss.backward()  # autograd fills w.grad
    optimizer.step()
    if step in (1, 10, 100):
        with torch.no_grad():
            loss = 0.5 * (curvature * w**2).sum().item()
        print(f"step {step:3d}: w = ({w[0].item():+.4f}, {w[1].item():+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
