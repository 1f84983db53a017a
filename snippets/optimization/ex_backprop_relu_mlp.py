import numpy as np
import torch
from sklearn.datasets import load_digits

rng = np.random.default_rng(0)
digits = load_digits()
x, y = digits.data[:32] / 16.0, digits.target[:32]  # one mini-batch
params = {
    "W1": rng.normal(0, 1 / np.sqrt(64), (64, 32)),
    "b1": rng.normal(0, 0.1, 32),
    "W2": rng.normal(0, 1 / np.sqrt(32), (32, 10)),
    "b2": np.zeros(10),
}


def gradients(params, x, y, relu_backward):
    z1 = x @ params["W1"] + params["b1"]
    h = np.maximum(z1, 0)  # ReLU instead of tanh
    logits = h @ params["W2"] + params["b2"]
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    d_logits = p.copy()
    d_logits[np.arange(len(y)), y] -= 1
    d_logits /= len(y)
    d_h = d_logits @ params["W2"].T
    d_z1 = relu_backward(d_h, z1, h)  # the only line that changes
    return {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_logits, "b2": d_logits.sum(axis=0)}


tensors = {name: torch.tensor(value, requires_grad=True) for name, value in params.items()}  # float64, CPU
hidden = torch.relu(torch.tensor(x) @ tensors["W1"] + tensors["b1"])
torch.nn.functional.cross_entropy(hidden @ tensors["W2"] + tensors["b2"], torch.tensor(y)).backward()

candidates = {
    "relu: d_h * (z1 > 0)": lambda d_h, z1, h: d_h * (z1 > 0),
    "tanh left in: d_h * (1 - h**2)": lambda d_h, z1, h: d_h * (1 - h**2),
}
for label, relu_backward in candidates.items():
    mine = gradients(params, x, y, relu_backward)
    gap = max(np.abs(mine[name] - tensors[name].grad.numpy()).max() for name in params)
    print(f"{label:32s} max |difference from torch| = {gap:.4f}")
    if label.startswith("relu"):
        assert gap < 1e-12
    else:
        assert gap > 1e-3
print(f"hidden values at 0, where the gradient stops: {np.mean(hidden.detach().numpy() == 0):.0%}")
