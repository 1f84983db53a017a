import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

# The same bowl; autograd supplies the gradient, the update is still written by hand.
curvature = torch.tensor([0.2, 4.0], dtype=torch.float64, device=device)
learning_rate = 0.4

w = torch.tensor([-4.0, 1.5], dtype=torch.float64, device=device, requires_grad=True)
for step in range(1, 61):
    loss = 0.5 * (curvature * w**2).sum()
    loss.backward()  # w.grad = df/dw
    with torch.no_grad():  # the update itself must not be recorded by autograd
        w -= learning_rate * w.grad
        w.grad.zero_()  # backward() adds to .grad: clear it for the next step
        if step in (1, 2, 3, 4, 20, 60):
            loss = 0.5 * (curvature * w**2).sum().item()
            print(f"step {step:2d}: w = ({w[0].item():+.4f}, {w[1].item():+.4f}), f(w) = {loss:.6f}")
assert loss < 1e-3  # from f(w) = 6.1 at the start
