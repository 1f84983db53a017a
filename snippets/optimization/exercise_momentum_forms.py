import numpy as np
import torch

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

curvature = np.array([0.2, 4.0])  # the bowl f(w) = (0.2 w1^2 + 4 w2^2) / 2


def learning_rate(step):
    return 0.05 if step < 30 else 0.005  # divided by 10 after 30 steps


def torch_form(steps=60):
    """torch.optim.SGD: b <- mu b + g, w <- w - lr b. The learning rate scales the whole velocity."""
    w, b = np.array([-4.0, 1.5]), 0.0
    for step in range(steps):
        b = 0.9 * b + curvature * w
        w = w - learning_rate(step) * b
    return w


def classic_form(steps=60):
    """Sutskever et al. (2013): v <- mu v - lr g, w <- w + v. The learning rate scales only the new gradient."""
    w, v = np.array([-4.0, 1.5]), 0.0
    for step in range(steps):
        v = 0.9 * v - learning_rate(step) * curvature * w
        w = w + v
    return w


# With a constant learning rate the two are the same algorithm (v = -lr b): compare the first 30 steps.
assert np.allclose(torch_form(steps=30), classic_form(steps=30))

# Once the learning rate changes, they part: the classic form keeps the old velocity at its old size.
print("after the drop, torch form  :", np.round(torch_form(), 4))
print("after the drop, classic form:", np.round(classic_form(), 4))
assert not np.allclose(torch_form(), classic_form(), atol=1e-3)

# torch.optim.SGD with the same schedule follows the torch form.
w = torch.tensor([-4.0, 1.5], dtype=torch.float64, device=device, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.05, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
for step in range(60):
    optimizer.zero_grad()
    (0.5 * (torch.tensor(curvature, device=device) * w**2).sum()).backward()
    optimizer.step()
    scheduler.step()
assert np.allclose(w.detach().cpu().numpy(), torch_form())
print("torch.optim.SGD             :", np.round(w.detach().cpu().numpy(), 4))
